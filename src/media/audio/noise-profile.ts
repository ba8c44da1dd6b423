import { analyseFrames, frameCentre, stftFrameSize, stftHop } from "./stft.ts";

/** Power per STFT bin of the noise alone, in the geometry of `stft.ts`. */
export type NoiseProfile = Float64Array;

/** Below about -120 dBFS a frame is digital silence (padding, muted takes), not the noise bed. */
const silentFramePower = 1e-12 * stftFrameSize;

/** Part of the quietest frames averaged into an automatic profile. */
const quietFraction = 0.15;

/**
 * Learns the noise power spectrum of one channel. With `range` (seconds, marked by the user as
 * noise only) it averages every frame inside it; otherwise it averages the quietest 15% of the
 * frames, which on dialogue are the pauses between lines.
 */
export function learnNoiseProfile(
  signal: Float32Array,
  options: { sampleRate: number; range?: { start: number; end: number } | undefined },
): NoiseProfile {
  const spectra: Float64Array[] = [];
  const energies: number[] = [];
  const range = options.range;
  analyseFrames(
    signal,
    (real, imaginary, frameIndex) => {
      const centre = frameCentre(frameIndex, stftFrameSize, stftHop * 2) / options.sampleRate;
      if (range && (centre < range.start || centre > range.end)) return;
      const power = new Float64Array(real.length);
      let energy = 0;
      for (let bin = 0; bin < real.length; bin++) {
        const value = real[bin]! ** 2 + imaginary[bin]! ** 2;
        power[bin] = value;
        energy += value;
      }
      spectra.push(power);
      energies.push(energy);
    },
    { hop: stftHop * 2 },
  );
  const bins = stftFrameSize / 2 + 1;
  const profile = new Float64Array(bins);
  const audible = energies
    .map((energy, index) => ({ energy, index }))
    .filter((frame) => frame.energy > silentFramePower);
  if (audible.length === 0) return profile;
  const chosen = range
    ? audible
    : audible
        .sort((a, b) => a.energy - b.energy)
        .slice(0, Math.max(8, Math.ceil(audible.length * quietFraction)));
  for (const frame of chosen) {
    const spectrum = spectra[frame.index]!;
    for (let bin = 0; bin < bins; bin++) profile[bin]! += spectrum[bin]! / chosen.length;
  }
  return profile;
}
