import { z } from "zod";
import { frameRangeSchema, videoCodecSchema } from "../../../media/color/index.ts";
import { fileIdInput } from "../../shared-schemas.ts";
import { gradeSpecShape } from "../grade-spec.ts";

/** Input of `grade-media`: the file, the grade, and for video the part and the codec. */
export const gradeMediaInput = z.object({
  fileId: fileIdInput.describe("the image or video to grade"),
  ...gradeSpecShape,
  range: frameRangeSchema.optional().describe("video only: the part to grade, in seconds"),
  codec: videoCodecSchema
    .default("keep")
    .describe("video only: keep the source codec, or h264, hevc, prores"),
  lutSize: z
    .union([z.literal(33), z.literal(65)])
    .default(33)
    .describe("size of the LUT written beside it"),
  note: z.string().max(500).default("").describe("a note kept with this grade version"),
});

/** What the job gets: the checked input plus what the tool learned about the file. */
export const gradeMediaJobInput = gradeMediaInput.extend({
  projectId: z.string(),
  mediaKind: z.enum(["image", "video"]),
  outputName: z.string(),
  mimeType: z.string(),
});
export type GradeMediaJobInput = z.infer<typeof gradeMediaJobInput>;

/** What the job records as its output. */
export const gradeMediaOutput = z.object({
  gradedFileId: z.string(),
  lutFileId: z.string(),
  version: z.number(),
  /** The look's name, for the card ("Nollywood Warm", "custom"). */
  lookName: z.string(),
  mediaKind: z.enum(["image", "video"]),
});
export type GradeMediaOutput = z.infer<typeof gradeMediaOutput>;
