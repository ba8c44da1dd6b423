/**
 * Transfer functions (signal ↔ linear light) with their published constants. Signals are
 * normalised 0–1 over the full code range (a 10-bit code value divided by 1023), the convention of
 * the manufacturers' formulas, of OpenColorIO and of ffmpeg's RGB frames.
 */

/** A pair of functions converting a normalised signal to linear light and back. */
export type TransferFunction = { toLinear: (signal: number) => number; toSignal: (linear: number) => number };

/** IEC 61966-2-1 sRGB (piecewise: linear toe, 2.4 power). */
export const srgbTransfer: TransferFunction = {
  toLinear: (v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4),
  toSignal: (l) => (l <= 0.0031308 ? l * 12.92 : 1.055 * Math.max(l, 0) ** (1 / 2.4) - 0.055),
};

/** ITU-R BT.1886 with a zero black level: a pure 2.4 power, the reference display of Rec.709 video. */
export const bt1886Transfer: TransferFunction = {
  toLinear: (v) => Math.max(v, 0) ** 2.4,
  toSignal: (l) => Math.max(l, 0) ** (1 / 2.4),
};

// ARRI "ALEXA Log C Curve – Usage in VFX" (2017), LogC3 at EI 800, scene linear reflectance.
const logC = { cut: 0.010591, a: 5.555556, b: 0.052272, c: 0.24719, d: 0.385537, e: 5.367655, f: 0.092809 };

/** ARRI LogC3 (ALEXA, EI 800). */
export const arriLogC3Transfer: TransferFunction = {
  toLinear: (v) =>
    v > logC.e * logC.cut + logC.f
      ? (10 ** ((v - logC.d) / logC.c) - logC.b) / logC.a
      : (v - logC.f) / logC.e,
  toSignal: (l) => (l > logC.cut ? logC.c * Math.log10(logC.a * l + logC.b) + logC.d : logC.e * l + logC.f),
};

// Sony "Technical Summary for S-Gamut3.Cine/S-Log3 and S-Gamut3/S-Log3", formulas in 10-bit code values.
const sLog3Toe = 171.2102946929;

/** Sony S-Log3. */
export const sonySLog3Transfer: TransferFunction = {
  toLinear: (v) =>
    v >= sLog3Toe / 1023
      ? 10 ** ((v * 1023 - 420) / 261.5) * (0.18 + 0.01) - 0.01
      : ((v * 1023 - 95) * 0.01125) / (sLog3Toe - 95),
  toSignal: (l) =>
    l >= 0.01125
      ? (420 + Math.log10((l + 0.01) / (0.18 + 0.01)) * 261.5) / 1023
      : (l * (sLog3Toe - 95)) / 0.01125 / 1023 + 95 / 1023,
};

// Panasonic "V-Log/V-Gamut Reference Manual" (2014).
const vLog = { cut1: 0.01, cut2: 0.181, b: 0.00873, c: 0.241514, d: 0.598206 };

/** Panasonic V-Log. */
export const panasonicVLogTransfer: TransferFunction = {
  toLinear: (v) => (v < vLog.cut2 ? (v - 0.125) / 5.6 : 10 ** ((v - vLog.d) / vLog.c) - vLog.b),
  toSignal: (l) => (l < vLog.cut1 ? 5.6 * l + 0.125 : vLog.c * Math.log10(l + vLog.b) + vLog.d),
};
