import type { FfmpegPaths } from "../ffmpeg/run.ts";
import { type CleanReport, type CleanRequest, cleanAudio } from "./clean.ts";

/** Seconds a preview cleans. */
export const previewSeconds = 10;

/** Cleans only the first 10 s (in a second or two), with the same options as the full clean. */
export function previewClean(
  paths: FfmpegPaths,
  request: Omit<CleanRequest, "maxSeconds" | "parallel">,
): Promise<CleanReport> {
  return cleanAudio(paths, { ...request, maxSeconds: previewSeconds, parallel: false });
}
