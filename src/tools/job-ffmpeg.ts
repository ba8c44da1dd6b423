import type { JobServices } from "../jobs/define-job.ts";
import type { FfmpegPaths } from "../media/ffmpeg/run.ts";

/** The ffmpeg binaries the composition root put in the job services, or the ones on the PATH. */
export function jobFfmpegPaths(services: JobServices): FfmpegPaths {
  const candidate = services.ffmpeg;
  if (
    typeof candidate === "object" &&
    candidate !== null &&
    "ffmpeg" in candidate &&
    "ffprobe" in candidate &&
    typeof candidate.ffmpeg === "string" &&
    typeof candidate.ffprobe === "string"
  ) {
    return { ffmpeg: candidate.ffmpeg, ffprobe: candidate.ffprobe };
  }
  return { ffmpeg: "ffmpeg", ffprobe: "ffprobe" };
}
