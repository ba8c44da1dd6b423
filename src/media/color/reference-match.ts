import type { Vector3 } from "./color-matrices.ts";
import { type InputColorSpace, inputColorSpaces, outputTransfers } from "./color-spaces.ts";
import { createGradeTransform } from "./compile-grade.ts";
import { samplePixels } from "./image-sampling.ts";
import { buildLut, type Lut3d } from "./lut.ts";
import { linearRgbToOklab, oklabToLinearRgb } from "./oklab.ts";

/** Mean and standard deviation of a picture's colours in Oklab (L, a, b). */
export type ColorStatistics = { mean: Vector3; standardDeviation: Vector3 };

/** Maps a source signal to display-linear light as the identity grade of its space renders it. */
function displayDecoder(inputSpace: InputColorSpace) {
  const render = createGradeTransform({ inputSpace });
  const output = outputTransfers[inputColorSpaces[inputSpace].defaultOutput];
  const color: [number, number, number] = [0, 0, 0];
  return (r: number, g: number, b: number): Vector3 => {
    render(r, g, b, color);
    return [output.toLinear(color[0]), output.toLinear(color[1]), output.toLinear(color[2])];
  };
}

/** Oklab statistics of 8-bit RGB pixels in `inputSpace` (sRGB for stills, Rec.709 for video frames). */
export function colorStatistics(pixels: Uint8Array, inputSpace: InputColorSpace = "srgb"): ColorStatistics {
  const decode = displayDecoder(inputSpace);
  const sum: Vector3 = [0, 0, 0];
  const squares: Vector3 = [0, 0, 0];
  const count = pixels.length / 3;
  for (let offset = 0; offset < pixels.length; offset += 3) {
    const lab = linearRgbToOklab(
      ...decode(pixels[offset]! / 255, pixels[offset + 1]! / 255, pixels[offset + 2]! / 255),
    );
    sum[0] += lab[0];
    sum[1] += lab[1];
    sum[2] += lab[2];
    squares[0] += lab[0] ** 2;
    squares[1] += lab[1] ** 2;
    squares[2] += lab[2] ** 2;
  }
  const mean = sum.map((value) => value / count) as Vector3;
  const standardDeviation = squares.map((value, axis) =>
    Math.sqrt(Math.max(0, value / count - mean[axis]! ** 2)),
  ) as Vector3;
  return { mean, standardDeviation };
}

/**
 * Reinhard-style colour transfer in Oklab: a LUT that moves the source's per-axis mean and spread to the
 * reference's (`strength` 0–1 blends towards the original). The LUT takes the source's signal and returns
 * display-encoded colour, so it can serve as a grade's creative LUT or be applied directly.
 */
export async function matchReference(options: {
  source: Buffer | string;
  reference: Buffer | string;
  sourceSpace?: InputColorSpace;
  strength?: number;
  size?: number;
}): Promise<{ lut: Lut3d; source: ColorStatistics; reference: ColorStatistics }> {
  const sourceSpace = options.sourceSpace ?? "srgb";
  const [sourcePixels, referencePixels] = await Promise.all([
    samplePixels(options.source),
    samplePixels(options.reference),
  ]);
  const source = colorStatistics(sourcePixels, sourceSpace);
  const reference = colorStatistics(referencePixels, "srgb");
  const strength = Math.min(1, Math.max(0, options.strength ?? 1));
  const scale = source.standardDeviation.map((value, axis) =>
    value > 1e-6 ? reference.standardDeviation[axis]! / value : 1,
  );
  const decode = displayDecoder(sourceSpace);
  const encode = outputTransfers[inputColorSpaces[sourceSpace].defaultOutput].toSignal;
  const lut = buildLut(
    options.size ?? 33,
    (r, g, b, out) => {
      const lab = linearRgbToOklab(...decode(r, g, b));
      const moved = lab.map((value, axis) => {
        const target = reference.mean[axis]! + (value - source.mean[axis]!) * scale[axis]!;
        return value + (target - value) * strength;
      });
      const rgb = oklabToLinearRgb(moved[0]!, moved[1]!, moved[2]!);
      for (let channel = 0; channel < 3; channel++)
        out[channel] = encode(Math.min(1, Math.max(0, rgb[channel]!)));
    },
    "Reference match",
  );
  return { lut, source, reference };
}
