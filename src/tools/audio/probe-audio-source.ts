import type { StoredFile } from "../../db/schema/files.ts";
import { AppError } from "../../lib/errors.ts";
import { durationSeconds, probeMedia } from "../../media/ffmpeg/probe.ts";
import type { FfmpegPaths } from "../../media/ffmpeg/run.ts";

/** What the clean needs to know of a source before anything is reserved. */
export type AudioSource = { durationSeconds: number; hasVideo: boolean };

/**
 * Checks a project file before credits are reserved: it must be audio or video, readable, hold an audio
 * stream and last more than an instant. Errors name the file, so a batch says which one is wrong.
 */
export async function probeAudioSource(input: {
  paths: FfmpegPaths;
  path: string;
  file: StoredFile;
}): Promise<AudioSource> {
  const { file } = input;
  if (file.kind !== "audio" && file.kind !== "video") {
    throw new AppError(
      "unprocessable:audio",
      `"${file.name}" is ${file.kind}, not audio or video; pick a recording.`,
    );
  }
  if (file.sizeBytes === 0) {
    throw new AppError(
      "unprocessable:audio",
      `"${file.name}" is empty (0 bytes); upload the recording again.`,
    );
  }
  const probe = await probeMedia(input.paths, input.path).catch((error: unknown) => {
    throw new AppError(
      "unprocessable:audio",
      `"${file.name}" is not readable audio (truncated, corrupt or an unsupported format); export it again as WAV, MP3, M4A, FLAC or MP4.`,
      { cause: error },
    );
  });
  const audio = probe.streams.find((stream) => stream.codec_type === "audio");
  if (!audio) {
    throw new AppError(
      "unprocessable:audio",
      `"${file.name}" has no audio stream (it holds only picture or data); pick a file with sound.`,
    );
  }
  const seconds = durationSeconds(probe);
  if (seconds <= 0) {
    throw new AppError(
      "unprocessable:audio",
      `"${file.name}" holds no audio (0 seconds); upload the recording again.`,
    );
  }
  const hasVideo = probe.streams.some(
    (stream) => stream.codec_type === "video" && stream.width !== undefined && stream.height !== undefined,
  );
  return { durationSeconds: seconds, hasVideo };
}

/** Credits for cleaning one file: 1 per started minute. */
export function cleanCredits(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}
