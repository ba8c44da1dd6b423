import { RealFft } from "./fft.ts";
import { frameCentre, frameCount, hannWindow, readFrame, stftFrameSize, stftHop } from "./stft.ts";

/** Power per STFT bin of the noise alone, in the geometry of `stft.ts`. */
export type NoiseProfile = Float64Array;

/** Below about -120 dBFS a frame is digital silence (padding, muted takes), not the noise bed. */
const silentFramePower = 1e-12 * stftFrameSize;

/** Part of the quietest frames averaged into an automatic profile. */
const quietFraction = 0.15;

/** Frames are read at half the processing overlap: the profile is an average, not a resynthesis. */
const profileHop = stftHop * 2;

/**
 * Energy of a windowed frame's half spectrum (bins 0 … N/2), computed in the time domain by
 * Parseval: the full spectrum holds N·Σx², and the half counts every bin but DC and Nyquist once.
 * This ranks every frame without transforming it; only the chosen frames are transformed.
 */
function halfSpectrumEnergy(frame: Float64Array): number {
  let squares = 0;
  let dc = 0;
  let nyquist = 0;
  for (let index = 0; index < frame.length; index += 2) {
    const even = frame[index]!;
    const odd = frame[index + 1]!;
    squares += even * even + odd * odd;
    dc += even + odd;
    nyquist += even - odd;
  }
  return (frame.length * squares + dc * dc + nyquist * nyquist) / 2;
}

/**
 * Learns the noise power spectrum of one channel. With `range` (seconds, marked by the user as
 * noise only) it averages every frame inside it; otherwise it averages the quietest 15% of the
 * frames, which on dialogue are the pauses between lines.
 */
export function learnNoiseProfile(
  signal: Float32Array,
  options: { sampleRate: number; range?: { start: number; end: number } | undefined },
): NoiseProfile {
  const window = hannWindow(stftFrameSize);
  const frame = new Float64Array(stftFrameSize);
  const range = options.range;
  const frames = frameCount(signal.length, stftFrameSize, profileHop);
  const audible: Array<{ energy: number; frameIndex: number }> = [];
  for (let frameIndex = 1; frameIndex < frames; frameIndex++) {
    if (range) {
      const centre = frameCentre(frameIndex, stftFrameSize, profileHop) / options.sampleRate;
      if (centre < range.start || centre > range.end) continue;
    }
    readFrame(signal, frameIndex * profileHop - stftFrameSize, window, frame);
    const energy = halfSpectrumEnergy(frame);
    if (energy > silentFramePower) audible.push({ energy, frameIndex });
  }
  const fft = new RealFft(stftFrameSize);
  const profile = new Float64Array(fft.bins);
  if (audible.length === 0) return profile;
  const chosen = range
    ? audible
    : audible
        .sort((a, b) => a.energy - b.energy)
        .slice(0, Math.max(8, Math.ceil(audible.length * quietFraction)));
  const real = new Float64Array(fft.bins);
  const imaginary = new Float64Array(fft.bins);
  for (const { frameIndex } of chosen) {
    readFrame(signal, frameIndex * profileHop - stftFrameSize, window, frame);
    fft.forward(frame, real, imaginary);
    for (let bin = 0; bin < fft.bins; bin++)
      profile[bin]! += (real[bin]! ** 2 + imaginary[bin]! ** 2) / chosen.length;
  }
  return profile;
}
