import { AppError } from "../../lib/errors.ts";
import type { VideoCodec } from "../../media/color/index.ts";
import { durationSeconds, probeMedia } from "../../media/ffmpeg/probe.ts";
import type { FfmpegPaths } from "../../media/ffmpeg/run.ts";

const keepableCodecs = new Set(["h264", "hevc", "prores"]);

/**
 * Checks a video before anything is reserved: it must be readable, hold a video stream, and (when the
 * codec is kept) use a codec the grade can write again. Returns its duration in seconds.
 */
export async function probeGradableVideo(input: {
  paths: FfmpegPaths;
  path: string;
  name: string;
  codec: VideoCodec;
}): Promise<{ durationSeconds: number; codec: string }> {
  const probe = await probeMedia(input.paths, input.path).catch((error: unknown) => {
    throw new AppError(
      "unprocessable:video",
      `"${input.name}" is not a readable video; re-export or re-upload it.`,
      {
        cause: error,
      },
    );
  });
  const video = probe.streams.find(
    (stream) => stream.codec_type === "video" && stream.width && stream.height,
  );
  if (!video) {
    throw new AppError(
      "unprocessable:video",
      `"${input.name}" has no video stream to grade (it holds only audio or data). Pick a video file.`,
    );
  }
  const codec = video.codec_name ?? "unknown";
  if (input.codec === "keep" && !keepableCodecs.has(codec)) {
    throw new AppError(
      "unsupported_media_type:video",
      `"${input.name}" is ${codec}, which cannot be written back; set codec to h264, hevc or prores.`,
    );
  }
  return { durationSeconds: durationSeconds(probe), codec };
}
