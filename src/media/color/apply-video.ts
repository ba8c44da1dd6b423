import { rm } from "node:fs/promises";
import { z } from "zod";
import { AppError } from "../../lib/errors.ts";
import type { FfmpegPaths } from "../ffmpeg/run.ts";
import { type FfmpegProgress, runFfmpegWithProgress } from "./ffmpeg-progress.ts";
import type { Lut3d } from "./lut.ts";
import { lut3dFilter, withCubePath } from "./lut-file.ts";
import { colorConversion, colorTagArguments, probeVideo, type VideoStream } from "./probe-video.ts";
import { type EncoderQuality, encoderArguments, type VideoCodec } from "./video-encoding.ts";

/** A part of the clip to grade, in seconds; either end may be left open. */
export const frameRangeSchema = z
  .object({ start: z.number().min(0).optional(), end: z.number().positive().optional() })
  .refine((range) => range.start === undefined || range.end === undefined || range.end > range.start, {
    message: "end must be after start",
  });
export type FrameRange = z.infer<typeof frameRangeSchema>;

/** Options of `gradeVideo`. */
export type GradeVideoOptions = {
  paths: FfmpegPaths;
  input: string;
  /** The output file; its extension (.mp4, .mov, .mkv) picks the container. */
  output: string;
  /**
   * The LUT, or a `.cube` file of it that ffmpeg reads as is (such as the grade's saved LUT), which spares
   * formatting and writing a temporary copy of the same data.
   */
  lut: Lut3d | { cubeFile: string };
  codec?: VideoCodec;
  quality?: EncoderQuality;
  range?: FrameRange;
  onProgress?: (progress: FfmpegProgress) => void;
  signal?: AbortSignal;
};

/** What was written. */
export type GradedVideo = { output: string; codec: string; pixelFormat: string; durationSeconds: number };

/**
 * The filter chain around `lut3d`: YCbCr → RGB with the source's tagged matrix happens automatically;
 * RGB → YCbCr is pinned to the same matrix and range, since ffmpeg would otherwise write BT.601.
 */
export function gradeFilter(cubePath: string, video: VideoStream): string {
  const conversion = colorConversion(video);
  const back = conversion ? `,scale=out_color_matrix=${conversion.matrix}:out_range=${conversion.range}` : "";
  return `${lut3dFilter(cubePath)}${back}`;
}

/**
 * Grades a video with a LUT through ffmpeg's `lut3d` (tetrahedral): the frame range is cut, audio is
 * copied bit for bit, the codec and container are kept or chosen, 10-bit sources stay 10-bit, colour
 * tags are carried over. Reports progress and honours the abort signal (the partial output is removed).
 */
export async function gradeVideo(options: GradeVideoOptions): Promise<GradedVideo> {
  const range = frameRangeSchema.parse(options.range ?? {});
  const probe = await probeVideo(options.paths, options.input, options.signal);
  const encoder = encoderArguments({
    codec: options.codec ?? "keep",
    sourceCodec: probe.video.codec_name,
    sourcePixelFormat: probe.video.pix_fmt,
    output: options.output,
    quality: options.quality,
  });
  const start = range.start ?? 0;
  if (probe.durationSeconds > 0 && start >= probe.durationSeconds) {
    throw new AppError(
      "bad_request:video",
      `The range starts at ${start} s, after the end of the clip (${probe.durationSeconds} s).`,
    );
  }
  const end = Math.min(
    range.end ?? Number.POSITIVE_INFINITY,
    probe.durationSeconds || Number.POSITIVE_INFINITY,
  );
  const durationSeconds = Number.isFinite(end) ? end - start : 0;
  const seek = start > 0 ? ["-ss", String(start)] : [];
  const limit = range.end !== undefined ? ["-t", String(range.end - start)] : [];
  const render = async (cubePath: string) => {
    const args = [
      ...seek,
      "-i",
      options.input,
      ...limit,
      "-map",
      "0:v:0",
      "-map",
      "0:a?",
      "-vf",
      gradeFilter(cubePath, probe.video),
      ...encoder.arguments,
      ...colorTagArguments(probe.video),
      "-c:a",
      "copy",
      "-map_metadata",
      "0",
      options.output,
    ];
    try {
      await runFfmpegWithProgress(options.paths, args, {
        expectedSeconds: durationSeconds,
        onProgress: options.onProgress,
        signal: options.signal,
        errorCode: "unprocessable:video",
      });
    } catch (error) {
      await rm(options.output, { force: true });
      throw error;
    }
  };
  await withCubePath(options.lut, render);
  return { output: options.output, codec: encoder.codec, pixelFormat: encoder.pixelFormat, durationSeconds };
}
