import { z } from "zod";
import { AppError } from "../../lib/errors.ts";
import { type FfmpegPaths, runBinary } from "../ffmpeg/run.ts";

const streamSchema = z.object({
  index: z.number(),
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  pix_fmt: z.string().optional(),
  color_space: z.string().optional(),
  color_range: z.string().optional(),
  color_transfer: z.string().optional(),
  color_primaries: z.string().optional(),
  duration: z.string().optional(),
  disposition: z.object({ attached_pic: z.number().optional() }).partial().optional(),
});

const probeSchema = z.object({
  streams: z.array(streamSchema).default([]),
  format: z
    .object({ format_name: z.string().optional(), duration: z.string().optional() })
    .partial()
    .default({}),
});

/** The video stream of a file with what grading needs: codec, pixel format and colour tags. */
export type VideoStream = z.infer<typeof streamSchema> & { width: number; height: number; pix_fmt: string };

/** What `probeVideo` reports about a file. */
export type VideoProbe = { video: VideoStream; audioStreams: number; durationSeconds: number };

/**
 * Probes a video for grading (ffprobe, with the colour tags that `probeMedia` leaves out). A file that is
 * not media, or has no video stream, is `unprocessable:video`.
 */
export async function probeVideo(
  paths: FfmpegPaths,
  file: string,
  signal?: AbortSignal,
): Promise<VideoProbe> {
  let output: Buffer;
  try {
    ({ stdout: output } = await runBinary(
      paths.ffprobe,
      ["-v", "error", "-print_format", "json", "-show_streams", "-show_format", file],
      { signal },
    ));
  } catch (error) {
    if (error instanceof AppError && error.code === "unprocessable:media") {
      throw new AppError(
        "unprocessable:video",
        "The file is not a readable video (it may be truncated or corrupt).",
        {
          cause: error,
        },
      );
    }
    throw error;
  }
  const probe = probeSchema.parse(JSON.parse(output.toString("utf8")));
  const video = probe.streams.find(
    (stream) => stream.codec_type === "video" && stream.disposition?.attached_pic !== 1,
  );
  if (!video?.width || !video.height || !video.pix_fmt) {
    throw new AppError("unprocessable:video", "The file has no video stream to grade.");
  }
  const durations = [probe.format.duration, video.duration].map(Number).filter((value) => value > 0);
  return {
    video: { ...video, width: video.width, height: video.height, pix_fmt: video.pix_fmt },
    audioStreams: probe.streams.filter((stream) => stream.codec_type === "audio").length,
    durationSeconds: durations[0] ?? 0,
  };
}

const matrices: Record<string, string> = {
  bt709: "bt709",
  smpte170m: "smpte170m",
  bt470bg: "bt470bg",
  smpte240m: "smpte240m",
  fcc: "fcc",
  bt2020nc: "bt2020",
  bt2020c: "bt2020",
};

/**
 * The YCbCr matrix and range to convert this stream with, or undefined when it is untagged (ffmpeg then
 * uses its BT.601 default both ways, which round-trips too).
 */
export function colorConversion(video: VideoStream): { matrix: string; range: "tv" | "pc" } | undefined {
  const matrix = video.color_space ? matrices[video.color_space] : undefined;
  if (!matrix) return undefined;
  return { matrix, range: video.color_range === "pc" ? "pc" : "tv" };
}

/** `-colorspace`, `-color_primaries`, `-color_trc`, `-color_range` copying the source's tags to the output. */
export function colorTagArguments(video: VideoStream): string[] {
  const tags: [string, string | undefined][] = [
    ["-colorspace", video.color_space],
    ["-color_primaries", video.color_primaries],
    ["-color_trc", video.color_transfer],
    ["-color_range", video.color_range],
  ];
  return tags.flatMap(([option, value]) => (value && value !== "unknown" ? [option, value] : []));
}
