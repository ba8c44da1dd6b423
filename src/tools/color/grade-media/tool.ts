import path from "node:path";
import sharp from "sharp";
import type { z } from "zod";
import { getFile } from "../../../db/queries/files.ts";
import type { EnqueueRequest } from "../../../jobs/job-queue.ts";
import { AppError } from "../../../lib/errors.ts";
import { jobHandleView } from "../../job-handle.ts";
import { defineTool, type ToolContext } from "../../tool.ts";
import { lookSlug } from "../look-name.ts";
import { probeGradableVideo } from "../probe-source.ts";
import { resolveGrade } from "../resolve-grade.ts";
import { type GradeMediaJobInput, gradeMediaInput } from "./grade-media-input.ts";

/** Credits: 1 per image; 2 per started minute of video. */
export const imageCredits = 1;
export const videoCreditsPerMinute = 2;

/** The credits for grading `seconds` of video. */
export function videoCredits(seconds: number): number {
  return videoCreditsPerMinute * Math.max(1, Math.ceil(seconds / 60));
}

export const gradeMediaTool = defineTool({
  name: "grade-media",
  title: "Colour grade an image or video",
  description:
    "Renders a colour grade onto an image or a video of the project as a new file (the original is kept), and writes the grade as a .cube LUT beside it, as a durable job. Give a preset (cinematic, vintage, moody, noir, golden-hour, nollywood-warm, bleach-bypass), a saved userPreset, adjustments (exposure, contrast, temperature, tint, saturation, lift/gamma/gain…) and/or a creative .cube LUT. Costs 1 credit per image, 2 per started minute of video. Use preview-grade first to show the look for free.",
  inputSchema: gradeMediaInput,
  outputSchema: jobHandleView,
  cost: (input) =>
    input.range?.end !== undefined ? videoCredits(input.range.end - (input.range.start ?? 0)) : imageCredits,
  annotations: { readOnly: false, destructive: false, longRunning: true, idempotent: false },
  examples: [
    "grade this clip cinematic",
    "make it warmer and moodier",
    "apply the nollywood warm look to the video",
    "make this photo look vintage",
    "abeg make the scene look golden hour",
    "render the grade on the whole clip",
    "make am black and white like noir",
  ],
  execute: async (context, input) => context.jobs.enqueue(await prepareGradeJob(context, input)),
});

/**
 * Checks a grade-media request (the file, the grade, the LUT, the video's streams and codec) and works out
 * its credits, so nothing is reserved for input that cannot be graded. Returns the job to enqueue.
 */
export async function prepareGradeJob(
  context: ToolContext,
  input: z.infer<typeof gradeMediaInput>,
): Promise<EnqueueRequest> {
  const file = await context.transaction((tx) => getFile(tx, input.fileId));
  if (file.kind !== "image" && file.kind !== "video") {
    throw new AppError("unprocessable:file", `"${file.name}" is ${file.kind}; grade an image or a video.`);
  }
  // Everything that can be wrong with the input is found here, before credits are reserved.
  await resolveGrade({ transaction: context.transaction, storage: context.storage, spec: input });
  const localPath = await context.storage.localPath(file.storageKey);
  const parsed = path.parse(file.name);
  let estimatedCredits = imageCredits;
  let extension = parsed.ext;
  if (file.kind === "video") {
    const { durationSeconds } = await probeGradableVideo({
      paths: context.ffmpeg,
      path: localPath,
      name: file.name,
      codec: input.codec,
    });
    const start = input.range?.start ?? 0;
    const end = Math.min(input.range?.end ?? durationSeconds, durationSeconds || Number.POSITIVE_INFINITY);
    if (durationSeconds > 0 && start >= durationSeconds) {
      throw new AppError(
        "bad_request:range",
        `The range starts after the end of the clip (${durationSeconds} s).`,
      );
    }
    estimatedCredits = videoCredits(end - start);
    if (input.codec === "prores" && extension.toLowerCase() !== ".mkv") extension = ".mov";
  } else {
    await sharp(localPath)
      .metadata()
      .catch((error: unknown) => {
        throw new AppError("unprocessable:image", `"${file.name}" is not a readable image; re-export it.`, {
          cause: error,
        });
      });
  }
  const jobInput: GradeMediaJobInput = {
    ...input,
    projectId: file.projectId,
    mediaKind: file.kind,
    outputName: `${parsed.name}-graded-${lookSlug(input)}${extension}`,
    mimeType: extension === ".mov" && file.kind === "video" ? "video/quicktime" : file.mimeType,
  };
  return {
    userId: context.user.id,
    projectId: file.projectId,
    tool: "grade-media",
    input: jobInput,
    estimatedCredits,
  };
}
