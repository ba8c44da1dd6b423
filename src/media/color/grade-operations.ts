import { rec709Luminance } from "./color-matrices.ts";

/**
 * The tone and colour operations of a grade, each on linear Rec.709 light. `white` is the brightest
 * linear value the curve keeps in place (1 for display-referred input, the top of the log curve for
 * camera footage).
 */

/** Luminance of a linear Rec.709 colour. */
export function luminance(r: number, g: number, b: number): number {
  return rec709Luminance[0] * r + rec709Luminance[1] * g + rec709Luminance[2] * b;
}

/**
 * Contrast: a power of `contrast` around `pivot` below it (straight lines in log–log, as film) and, above
 * it, a rational curve in log space with the same slope at the pivot that lands exactly on `white`.
 */
export function applyContrast(value: number, contrast: number, pivot: number, white: number): number {
  if (value <= 0) return 0;
  if (value <= pivot) return pivot * (value / pivot) ** contrast;
  const range = Math.log(white / pivot);
  const t = Math.log(value / pivot) / range;
  const curved = t <= 1 ? (t * contrast) / (1 + (contrast - 1) * t) : 1 + (t - 1) / contrast;
  return pivot * Math.exp(curved * range);
}

/**
 * Highlights and shadows on luminance, as cubic bumps that keep black, the pivot and `white` fixed and
 * stay monotonic for amounts in [−1, 1]. Returns the factor to multiply the colour by.
 */
export function highlightsShadowsFactor(
  y: number,
  options: { highlights: number; shadows: number; pivot: number; white: number },
): number {
  const { highlights, shadows, pivot, white } = options;
  if (y <= 0) return 1;
  if (y < pivot) {
    if (shadows === 0) return 1;
    const s = y / pivot;
    return (s + shadows * s * (1 - s) ** 2) / s;
  }
  if (highlights === 0 || y >= white) return 1;
  const range = Math.log(white / pivot);
  const t = Math.log(y / pivot) / range;
  return Math.exp(highlights * t * t * (1 - t) * range);
}

/** Lift, gamma and gain of one channel (white = 1 in linear light). */
export function applyLiftGammaGain(value: number, lift: number, gamma: number, gain: number): number {
  let result = value < 1 ? value + lift * (1 - value) : value;
  if (result <= 0) return 0;
  if (gamma !== 1) result = result ** (1 / gamma);
  return result * gain;
}

/** Weight of skin hues (HSV hue 0°–50°, centred on 25°) for skin protection, in [0, 1]. */
export function skinWeight(r: number, g: number, b: number): number {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max <= 0 || max === min || max !== r) return 0;
  const hue = (60 * (g - b)) / (max - min);
  const distance = Math.abs(hue - 25) / 25;
  return distance >= 1 ? 0 : Math.cos((distance * Math.PI) / 2) ** 2;
}

/**
 * Saturation and vibrance around luminance, in place. Vibrance scales with how muted the colour is;
 * skin protection pulls the change back towards none on skin hues.
 */
export function applySaturation(
  color: [number, number, number],
  options: { saturation: number; vibrance: number; skinProtection: number },
): void {
  const [r, g, b] = color;
  const max = Math.max(r, g, b);
  if (max <= 0) return;
  const chroma = (max - Math.min(r, g, b)) / max;
  let factor = Math.max(0, options.saturation * (1 + options.vibrance * (1 - chroma)));
  if (options.skinProtection > 0)
    factor = 1 + (factor - 1) * (1 - options.skinProtection * skinWeight(r, g, b));
  if (factor === 1) return;
  const y = luminance(r, g, b);
  color[0] = Math.max(0, y + factor * (r - y));
  color[1] = Math.max(0, y + factor * (g - y));
  color[2] = Math.max(0, y + factor * (b - y));
}

const knee = 0.8;

/**
 * Display rendering of scene-referred light: unchanged up to 0.8, then an exponential shoulder that
 * approaches 1 smoothly (per channel, so very bright colours desaturate towards white like film).
 */
export function highlightRolloff(value: number): number {
  if (value <= knee) return value;
  return knee + (1 - knee) * (1 - Math.exp(-(value - knee) / (1 - knee)));
}
