import { writeFile } from "node:fs/promises";
import type { Lut3d } from "./lut.ts";
import { decodeStill, encodeStill, type StillFormat, stillFormatFromPath } from "./still-io.ts";
import { applyLutToPixels } from "./tetrahedral.ts";

/** A graded still, encoded. */
export type GradedStill = {
  data: Buffer;
  format: StillFormat;
  width: number;
  height: number;
  bitDepth: 8 | 16;
};

/**
 * Grades a still (PNG, JPEG, TIFF, WebP) with a LUT by tetrahedral interpolation. 16-bit PNG/TIFF
 * stay 16-bit; alpha is kept. Writes the input's format unless another is asked for.
 * Corrupt input is `unprocessable:image`; another format is `unsupported_media_type:image`.
 */
export async function gradeStill(options: {
  input: Buffer | string;
  lut: Lut3d;
  format?: StillFormat;
  quality?: number;
}): Promise<GradedStill> {
  const decoded = await decodeStill(options.input);
  const graded = applyLutToPixels(decoded, options.lut);
  const format = options.format ?? decoded.format;
  const data = await encodeStill(graded, { format, quality: options.quality });
  const bitDepth = decoded.bitDepth === 16 && (format === "png" || format === "tiff") ? 16 : 8;
  return { data, format, width: decoded.width, height: decoded.height, bitDepth };
}

/** Grades a still file into another file whose extension picks the format. */
export async function gradeStillFile(options: {
  input: string;
  output: string;
  lut: Lut3d;
  quality?: number;
}): Promise<GradedStill> {
  const result = await gradeStill({ ...options, format: stillFormatFromPath(options.output) });
  await writeFile(options.output, result.data);
  return result;
}
