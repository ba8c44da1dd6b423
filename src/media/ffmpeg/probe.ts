import { z } from "zod";
import { AppError } from "../../lib/errors.ts";
import { type FfmpegPaths, runBinary } from "./run.ts";

const streamSchema = z.object({
  index: z.number(),
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  pix_fmt: z.string().optional(),
  sample_rate: z.string().optional(),
  channels: z.number().optional(),
  r_frame_rate: z.string().optional(),
  duration: z.string().optional(),
  bits_per_raw_sample: z.string().optional(),
});

const probeSchema = z.object({
  streams: z.array(streamSchema).default([]),
  format: z
    .object({ format_name: z.string().optional(), duration: z.string().optional() })
    .partial()
    .default({}),
});

export type ProbeStream = z.infer<typeof streamSchema>;
export type ProbeResult = z.infer<typeof probeSchema>;

/** Reads a media file's streams and container with ffprobe; an unreadable file is `unprocessable:media`. */
export async function probeMedia(paths: FfmpegPaths, file: string): Promise<ProbeResult> {
  let output: Buffer;
  try {
    ({ stdout: output } = await runBinary(paths.ffprobe, [
      "-v",
      "error",
      "-print_format",
      "json",
      "-show_streams",
      "-show_format",
      file,
    ]));
  } catch (error) {
    if (error instanceof AppError && error.code === "unprocessable:media") {
      throw new AppError(
        "unprocessable:media",
        "The file is not readable media (it may be truncated or corrupt).",
        {
          cause: error,
        },
      );
    }
    throw error;
  }
  return probeSchema.parse(JSON.parse(output.toString("utf8")));
}

/** Duration in seconds from the container or, failing that, the longest stream. */
export function durationSeconds(probe: ProbeResult): number {
  const candidates = [probe.format.duration, ...probe.streams.map((stream) => stream.duration)]
    .map((value) => Number(value))
    .filter((value) => Number.isFinite(value) && value > 0);
  return candidates.length > 0 ? Math.max(...candidates) : 0;
}
