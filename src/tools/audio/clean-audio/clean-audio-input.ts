import { z } from "zod";
import { cleanOptionsSchema, outputFormatSchema } from "../../../media/audio/index.ts";
import { fileIdInput } from "../../shared-schemas.ts";
import { cleanReportView, waveformPairView } from "../audio-views.ts";
import { cleanChoicesShape } from "../clean-request-input.ts";

/** The most files one clean-audio job takes. */
export const maximumBatchFiles = 20;

/** What the agent gives `clean-audio`: one file (`fileId`) or a batch (`fileIds`), and the cleaning choices. */
export const cleanAudioInput = z
  .object({
    fileId: fileIdInput.optional().describe("The audio or video file to clean."),
    fileIds: z
      .array(fileIdInput)
      .max(maximumBatchFiles, { error: `clean at most ${maximumBatchFiles} files per job; split the batch` })
      .optional()
      .describe("Several audio or video files to clean as one job (a batch)."),
    ...cleanChoicesShape,
    format: outputFormatSchema
      .optional()
      .describe(
        "Output encoding; by default a video comes back as the same video (picture untouched), audio as 24-bit WAV.",
      ),
  })
  .refine((input) => input.fileId !== undefined || (input.fileIds?.length ?? 0) > 0, {
    error: "give fileId (one file) or fileIds (a batch); list the project's files to find them",
    path: ["fileId"],
  });

/** The files of a call, in order, each once. */
export function requestedFileIds(input: {
  fileId?: string | undefined;
  fileIds?: string[] | undefined;
}): string[] {
  return [...new Set([...(input.fileId ? [input.fileId] : []), ...(input.fileIds ?? [])])];
}

/** One file of the job, checked and priced before enqueueing. */
export const cleanAudioJobFile = z.object({
  fileId: z.string(),
  name: z.string(),
  credits: z.number().int().min(1),
  output: z.object({ name: z.string(), kind: z.enum(["audio", "video"]), mimeType: z.string() }),
  format: outputFormatSchema,
});

/** What the job receives: the files that passed the checks, and the parsed options. */
export const cleanAudioJobInput = z.object({
  projectId: z.string(),
  files: z.array(cleanAudioJobFile).min(1),
  options: cleanOptionsSchema,
});

export type CleanAudioJobInput = z.infer<typeof cleanAudioJobInput>;

const fileError = z.object({ code: z.string(), message: z.string() });

/** The outcome of one file: the cleaned file, its waveforms and report, or what went wrong. */
export const cleanedFileResult = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    fileId: z.string(),
    name: z.string(),
    cleanedFileId: z.string(),
    cleanedKind: z.enum(["audio", "video"]),
    waveforms: waveformPairView,
    report: cleanReportView,
    credits: z.number(),
  }),
  z.object({ ok: z.literal(false), fileId: z.string(), name: z.string(), error: fileError }),
]);

export type CleanedFileResult = z.infer<typeof cleanedFileResult>;

/** The job's output: one result per file, in the order given. */
export const cleanAudioOutput = z.object({ files: z.array(cleanedFileResult) });

export type CleanAudioOutput = z.infer<typeof cleanAudioOutput>;

/** A file refused before the job started (nothing was reserved for it). */
export const rejectedFile = z.object({ fileId: z.string(), name: z.string(), error: fileError });
