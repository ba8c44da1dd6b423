import { transformVector, type Vector3 } from "./color-matrices.ts";
import { type InputColorSpace, inputColorSpaces } from "./color-spaces.ts";
import { luminance } from "./grade-operations.ts";
import type { GradeInput } from "./grade-schema.ts";
import { samplePixels } from "./image-sampling.ts";
import { temperatureTintForWhite, whiteBalanceMatrix } from "./white-balance.ts";

/** What `autoBalance` found, and the grade parameters that correct it. */
export type AutoBalance = {
  /** A starting point: input space, temperature, tint and exposure. */
  grade: GradeInput;
  /** The estimated colour of the light, linear Rec.709, green = 1. */
  illuminant: Vector3;
  /** Geometric mean luminance of the white-balanced picture before the exposure correction. */
  logAverageLuminance: number;
};

const clippedSignal = 250 / 255;
const minkowskiPower = 4;
const brightestShare = 0.05;

// Chroma limits (max − min) / max, loosest first, so a poor first estimate still finds the neutrals.
const neutralChroma = [0.6, 0.4, 0.25, 0.15, 0.1];

/**
 * Re-estimates the light from the pixels that look neutral once the current estimate is divided out
 * (grey surfaces are the most reliable witnesses of the light); keeps the estimate when too few do.
 */
function refineOnNeutrals(colors: Vector3[], start: Vector3): Vector3 {
  let estimate = start;
  for (const limit of neutralChroma) {
    const sum: Vector3 = [0, 0, 0];
    let count = 0;
    for (const color of colors) {
      const r = color[0] / estimate[0];
      const g = color[1] / estimate[1];
      const b = color[2] / estimate[2];
      const max = Math.max(r, g, b);
      if (max <= 0 || (max - Math.min(r, g, b)) / max > limit) continue;
      sum[0] += color[0];
      sum[1] += color[1];
      sum[2] += color[2];
      count++;
    }
    if (count < colors.length * 0.01 || sum[1] <= 0) break;
    estimate = [sum[0] / sum[1], 1, sum[2] / sum[1]];
  }
  return estimate;
}

/**
 * Automatic balance from the picture itself. The light's colour is the geometric mean of two robust
 * estimates over unclipped pixels: shades-of-grey (Minkowski p = 4 grey world) and white patch (mean of
 * the brightest 5%), then refined on the pixels that are neutral under that estimate. Temperature and tint are the sliders whose scene white is that colour; exposure
 * brings the log-average luminance to 18% grey (±3 stops at most).
 */
export async function autoBalance(options: {
  image: Buffer | string;
  inputSpace?: InputColorSpace;
}): Promise<AutoBalance> {
  const inputSpace = options.inputSpace ?? "srgb";
  const space = inputColorSpaces[inputSpace];
  const pixels = await samplePixels(options.image);
  const colors: Vector3[] = [];
  for (let offset = 0; offset < pixels.length; offset += 3) {
    const r = pixels[offset]!;
    const g = pixels[offset + 1]!;
    const b = pixels[offset + 2]!;
    if (Math.max(r, g, b) / 255 >= clippedSignal) continue;
    const linear = transformVector(space.toWorking, [
      space.transfer.toLinear(r / 255),
      space.transfer.toLinear(g / 255),
      space.transfer.toLinear(b / 255),
    ]);
    if (luminance(...linear) > 1e-4) colors.push(linear.map((value) => Math.max(0, value)) as Vector3);
  }
  if (colors.length === 0) {
    return { grade: { inputSpace }, illuminant: [1, 1, 1], logAverageLuminance: 0 };
  }
  const greyWorld: Vector3 = [0, 0, 0];
  for (const color of colors) {
    greyWorld[0] += color[0] ** minkowskiPower;
    greyWorld[1] += color[1] ** minkowskiPower;
    greyWorld[2] += color[2] ** minkowskiPower;
  }
  const byBrightness = [...colors].sort((a, b) => luminance(...b) - luminance(...a));
  const brightest = byBrightness.slice(0, Math.max(1, Math.round(colors.length * brightestShare)));
  const whitePatch: Vector3 = [0, 0, 0];
  for (const color of brightest) {
    whitePatch[0] += color[0];
    whitePatch[1] += color[1];
    whitePatch[2] += color[2];
  }
  let illuminant = [0, 1, 2].map((channel) => {
    const grey =
      (greyWorld[channel]! / colors.length / (greyWorld[1] / colors.length)) ** (1 / minkowskiPower);
    const white = whitePatch[channel]! / whitePatch[1];
    return Math.sqrt(grey * white);
  }) as Vector3;
  illuminant = refineOnNeutrals(colors, illuminant);
  const { temperature, tint } = temperatureTintForWhite(illuminant);
  const balance = whiteBalanceMatrix(temperature, tint);
  let logSum = 0;
  for (const color of colors)
    logSum += Math.log(Math.max(1e-4, luminance(...transformVector(balance, color))));
  const logAverageLuminance = Math.exp(logSum / colors.length);
  const exposure = Math.min(3, Math.max(-3, Math.log2(0.18 / logAverageLuminance)));
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    grade: { inputSpace, temperature: round(temperature), tint: round(tint), exposure: round(exposure) },
    illuminant,
    logAverageLuminance,
  };
}
