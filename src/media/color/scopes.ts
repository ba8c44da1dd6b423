import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AppError } from "../../lib/errors.ts";
import { type FfmpegPaths, runFfmpeg } from "../ffmpeg/run.ts";

/** Scopes of one picture, each a PNG drawn by ffmpeg's own scope filters. */
export type Scopes = {
  /** Luma waveform with an IRE graticule. */
  waveform: Buffer;
  /** Vectorscope (Cb/Cr) with the colour-bar targets named. */
  vectorscope: Buffer;
  /** Red, green and blue histograms stacked. */
  histogram: Buffer;
};

const scopeGraph =
  "[0:v]format=yuv444p,split=3[a][b][c];" +
  "[a]waveform=graticule=green:flags=numbers+dots:scale=ire[waveform];" +
  "[b]vectorscope=mode=color3:graticule=green:flags=name[vectorscope];" +
  "[c]format=gbrp,histogram=display_mode=stack[histogram]";

/** Draws the waveform, vectorscope and histogram of a picture (any format ffmpeg reads, e.g. PNG). */
export async function renderScopes(options: {
  paths: FfmpegPaths;
  image: Buffer;
  signal?: AbortSignal;
}): Promise<Scopes> {
  const folder = await mkdtemp(join(tmpdir(), "nollyai-scopes-"));
  try {
    const input = join(folder, "frame.png");
    await writeFile(input, options.image);
    const names = ["waveform", "vectorscope", "histogram"] as const;
    const outputs = names.flatMap((name) => [
      "-map",
      `[${name}]`,
      "-frames:v",
      "1",
      join(folder, `${name}.png`),
    ]);
    try {
      await runFfmpeg(options.paths, ["-i", input, "-filter_complex", scopeGraph, ...outputs], {
        signal: options.signal,
      });
    } catch (error) {
      if (error instanceof AppError && error.code === "unprocessable:media") {
        throw new AppError("unprocessable:image", "Scopes could not be drawn: the picture is not readable.", {
          cause: error,
        });
      }
      throw error;
    }
    const [waveform, vectorscope, histogram] = await Promise.all(
      names.map((name) => readFile(join(folder, `${name}.png`))),
    );
    return { waveform: waveform!, vectorscope: vectorscope!, histogram: histogram! };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Scopes of the picture before and after grading, side by side in the UI. */
export async function compareScopes(options: {
  paths: FfmpegPaths;
  before: Buffer;
  after: Buffer;
  signal?: AbortSignal;
}): Promise<{ before: Scopes; after: Scopes }> {
  const before = await renderScopes({ paths: options.paths, image: options.before, signal: options.signal });
  const after = await renderScopes({ paths: options.paths, image: options.after, signal: options.signal });
  return { before, after };
}
