import { type Biquad, filterZeroPhase, notch } from "./biquad.ts";
import type { HumDetection } from "./hum-detect.ts";

/**
 * Notch bandwidth (Hz) for a line: 1.5 Hz plus 0.4% of its frequency at full strength, so the
 * notch still covers a generator that drifts, yet takes almost nothing from the voice.
 */
function bandwidth(frequency: number, strength: number): number {
  return (0.5 + strength) * (1 + 0.004 * frequency);
}

/** The notch sections for the detected lines (filtered forward and backward, so squared in depth). */
export function humNotches(
  hum: HumDetection,
  options: { strength: number; sampleRate: number; maxHarmonics: number },
): Biquad[] {
  return hum.lines
    .filter((line) => line.harmonic <= options.maxHarmonics && line.frequency < options.sampleRate / 2 - 100)
    .map((line) => notch(line.frequency, bandwidth(line.frequency, options.strength), options.sampleRate));
}

/** Removes hum lines from one channel with zero-phase notches (no delay). */
export function removeHum(signal: Float32Array, notches: Biquad[]): Float32Array {
  return filterZeroPhase(signal, notches);
}
