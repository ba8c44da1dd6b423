import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import type { FfmpegPaths } from "../ffmpeg/run.ts";
import { runFfmpeg } from "../ffmpeg/run.ts";

/** Test-only helpers: generated media and comparisons (imported by `*.test.ts` only). */

export const testFfmpegPaths: FfmpegPaths = { ffmpeg: "ffmpeg", ffprobe: "ffprobe" };

/** A fresh temporary folder and its clean-up. */
export async function temporaryFolder(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), "nollyai-color-test-"));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A colour chart: a 9×9×9 grid of RGB patches across the whole cube, then grey and hue ramps. */
export function colorChartPixels(width = 324, height = 180): Uint8Array {
  const pixels = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = (y * width + x) * 3;
      if (y < 120) {
        const column = Math.floor((x / width) * 27);
        const row = Math.floor((y / 120) * 27);
        const index = row * 27 + column;
        pixels[offset] = Math.round(((index % 9) / 8) * 255);
        pixels[offset + 1] = Math.round((Math.floor(index / 9) % 9) * (255 / 8));
        pixels[offset + 2] = Math.round(Math.floor(index / 81) * (255 / 8));
      } else if (y < 150) {
        const grey = Math.round((x / (width - 1)) * 255);
        pixels.fill(grey, offset, offset + 3);
      } else {
        const hue = (x / width) * 6;
        const fraction = hue - Math.floor(hue);
        const ramps = [
          [1, fraction, 0],
          [1 - fraction, 1, 0],
          [0, 1, fraction],
          [0, 1 - fraction, 1],
          [fraction, 0, 1],
          [1, 0, 1 - fraction],
        ][Math.floor(hue)]!;
        const level = 0.35 + (0.65 * (y - 150)) / 30;
        for (let channel = 0; channel < 3; channel++)
          pixels[offset + channel] = Math.round(ramps[channel]! * level * 255);
      }
    }
  }
  return pixels;
}

/** A photo-like picture: smooth light falloff, soft coloured shapes, skin-like tones and grain. */
export function photoLikePixels(width = 320, height = 180, seed = 7): Uint8Array {
  const next = random(seed);
  const blobs = Array.from({ length: 12 }, () => ({
    x: next() * width,
    y: next() * height,
    radius: 15 + next() * 60,
    color: [0.2 + next() * 0.8, 0.15 + next() * 0.6, 0.1 + next() * 0.5],
  }));
  const pixels = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const light =
        0.25 + 0.6 * Math.exp(-(((x - width * 0.6) / width) ** 2 + ((y - height * 0.3) / height) ** 2) * 3);
      const color = [0.55 * light, 0.42 * light, 0.33 * light];
      for (const blob of blobs) {
        const weight = Math.exp(-((x - blob.x) ** 2 + (y - blob.y) ** 2) / (2 * blob.radius ** 2));
        for (let channel = 0; channel < 3; channel++) {
          color[channel] = color[channel]! * (1 - weight) + blob.color[channel]! * light * 1.3 * weight;
        }
      }
      const grain = (next() - 0.5) * 0.06;
      const offset = (y * width + x) * 3;
      for (let channel = 0; channel < 3; channel++) {
        pixels[offset + channel] = Math.round(Math.min(1, Math.max(0, color[channel]! + grain)) * 255);
      }
    }
  }
  return pixels;
}

/** Encodes 8-bit RGB pixels as PNG. */
export function pngFromPixels(pixels: Uint8Array, width: number, height: number): Promise<Buffer> {
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** Decodes any image to 8-bit RGB. */
export async function rgbPixels(image: Buffer | string): Promise<Uint8Array> {
  const { data } = await sharp(image)
    .removeAlpha()
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  return new Uint8Array(data.buffer, data.byteOffset, data.length);
}

/** Mean and largest absolute difference between two equally sized pixel arrays. */
export function pixelDifference(a: ArrayLike<number>, b: ArrayLike<number>): { mean: number; max: number } {
  if (a.length !== b.length) throw new Error(`pixel counts differ: ${a.length} vs ${b.length}`);
  let sum = 0;
  let max = 0;
  for (let index = 0; index < a.length; index++) {
    const difference = Math.abs(a[index]! - b[index]!);
    sum += difference;
    if (difference > max) max = difference;
  }
  return { mean: sum / a.length, max };
}

/** Applies a `.cube` to a PNG with ffmpeg's own `lut3d` (tetrahedral): the reference implementation. */
export async function ffmpegLut3d(folder: string, png: Buffer, cube: string): Promise<Uint8Array> {
  const input = join(folder, "ffmpeg-input.png");
  const lut = join(folder, "ffmpeg.cube");
  const output = join(folder, "ffmpeg-output.png");
  await writeFile(input, png);
  await writeFile(lut, cube);
  await runFfmpeg(testFfmpegPaths, [
    "-i",
    input,
    "-vf",
    `lut3d=file=${lut}:interp=tetrahedral`,
    "-pix_fmt",
    "rgb24",
    output,
  ]);
  return rgbPixels(output);
}
