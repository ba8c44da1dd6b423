import sharp from "sharp";
import { AppError } from "../../lib/errors.ts";
import { type FfmpegPaths, runFfmpeg } from "../ffmpeg/run.ts";
import { gradeStill } from "./apply-still.ts";
import { composeComparison } from "./compose-comparison.ts";
import type { Lut3d } from "./lut.ts";
import { probeVideo } from "./probe-video.ts";
import { compareScopes, type Scopes } from "./scopes.ts";

/** One previewed frame: PNGs of the frame before and after, composed views, and optionally scopes. */
export type PreviewFrame = {
  atSeconds: number;
  before: Buffer;
  after: Buffer;
  split: Buffer;
  sideBySide: Buffer;
  scopes?: { before: Scopes; after: Scopes };
};

/**
 * Extracts one frame of a video as an 8-bit RGB PNG (ffmpeg converts YCbCr with the stream's tagged
 * matrix, as the video path does), scaled down to `maxWidth` when wider.
 */
export async function extractFrame(options: {
  paths: FfmpegPaths;
  input: string;
  atSeconds: number;
  maxWidth?: number;
  signal?: AbortSignal;
}): Promise<Buffer> {
  const scale = options.maxWidth ? ["-vf", `scale=w='min(iw,${options.maxWidth})':h=-2`] : [];
  const { stdout } = await runFfmpeg(
    options.paths,
    [
      "-ss",
      String(options.atSeconds),
      "-i",
      options.input,
      "-frames:v",
      "1",
      ...scale,
      "-pix_fmt",
      "rgb24",
      "-f",
      "image2pipe",
      "-c:v",
      "png",
      "-",
    ],
    { signal: options.signal },
  ).catch((error: unknown) => {
    throw new AppError("unprocessable:video", `Could not extract a frame at ${options.atSeconds} s.`, {
      cause: error,
    });
  });
  if (stdout.length === 0) {
    throw new AppError(
      "bad_request:video",
      `There is no frame at ${options.atSeconds} s; pick a time inside the clip.`,
    );
  }
  return stdout;
}

/**
 * Previews a grade on a few frames of a video, one frame at a time ("look before you spend"): each frame
 * is extracted, graded by the still path with the same LUT the render will use, and composed as split and
 * side-by-side PNGs, with before/after scopes when asked.
 */
export async function previewVideoGrade(options: {
  paths: FfmpegPaths;
  input: string;
  lut: Lut3d;
  /** Frame times; defaults to the middle of the clip. */
  atSeconds?: number[];
  maxWidth?: number;
  scopes?: boolean;
  signal?: AbortSignal;
}): Promise<PreviewFrame[]> {
  const probe = await probeVideo(options.paths, options.input, options.signal);
  const times = options.atSeconds ?? [probe.durationSeconds / 2];
  const frames: PreviewFrame[] = [];
  for (const atSeconds of times) {
    const before = await extractFrame({ ...options, atSeconds, maxWidth: options.maxWidth ?? 1280 });
    frames.push({ atSeconds, ...(await previewStillGrade({ ...options, image: before })) });
  }
  return frames;
}

/** The same preview for a still (any format the still path reads). */
export async function previewStillGrade(options: {
  paths: FfmpegPaths;
  image: Buffer | string;
  lut: Lut3d;
  scopes?: boolean;
  signal?: AbortSignal;
}): Promise<Omit<PreviewFrame, "atSeconds">> {
  const after = (await gradeStill({ input: options.image, lut: options.lut, format: "png" })).data;
  const before = await sharp(options.image).png().toBuffer();
  const composed = await composeComparison(before, after);
  const scopes = options.scopes
    ? await compareScopes({ paths: options.paths, before, after, signal: options.signal })
    : undefined;
  return { before, after, ...composed, ...(scopes ? { scopes } : {}) };
}
