import type { NoiseProfile } from "./noise-profile.ts";
import { processFrames, stftHop } from "./stft.ts";

/** What the spectral stage removes; either part may be absent. */
export type SpectralSettings = {
  sampleRate: number;
  /** Stationary noise: the learned profile and how hard to subtract it (1 = as measured). */
  noise?: { profile: NoiseProfile; overSubtraction: number } | undefined;
  /** Late reverberation: the room's decay time and how much of the modelled tail to remove. */
  reverb?: { t60: number; weight: number } | undefined;
  /** Lowest gain any bin may get (e.g. 0.05 = at most 26 dB of reduction). */
  floorGain: number;
};

/** Decision-directed smoothing of the a-priori SNR (Ephraim & Malah 1984): tames musical noise. */
const decisionDirectedWeight = 0.92;
/** Late reverberation starts this long after the direct sound (Lebart et al. 2001 use 50 ms). */
const lateReverbStartSeconds = 0.05;
/** Recursive smoothing of the observed power that feeds the reverberation model. */
const powerSmoothing = 0.6;

/**
 * Wiener-style spectral enhancement of one channel in a single STFT pass (zero added delay).
 * The interference power per bin is the sum of the stationary noise profile and a late
 * reverberation estimate after Lebart, Boucher & Denbigh (2001) / Habets (2007): the smoothed
 * power of the signal `lateReverbStartSeconds` ago, minus noise, decayed by the room's
 * exponential envelope exp(-2·δ·Td) with δ = 3·ln(10)/T60. The gain is the Wiener gain of the
 * decision-directed a-priori SNR, held above `floorGain`.
 */
export function enhanceSpectrum(signal: Float32Array, settings: SpectralSettings): Float32Array {
  const bins = 513;
  const noise = settings.noise;
  const reverb = settings.reverb;
  const noisePower = new Float64Array(bins);
  if (noise)
    for (let bin = 0; bin < bins; bin++) noisePower[bin] = noise.profile[bin]! * noise.overSubtraction;
  const delayFrames = Math.max(1, Math.round((lateReverbStartSeconds * settings.sampleRate) / stftHop));
  const history = Array.from({ length: delayFrames + 1 }, () => new Float64Array(bins));
  const decay = reverb
    ? reverb.weight *
      Math.exp((-2 * 3 * Math.LN10 * delayFrames * stftHop) / (reverb.t60 * settings.sampleRate))
    : 0;
  const previousClean = new Float64Array(bins);
  const floor = settings.floorGain;
  if (!reverb) return suppressStationary(signal, noisePower, floor);
  return processFrames(signal, (real, imaginary, frameIndex) => {
    const length = history.length;
    const smoothed = history[frameIndex % length]!;
    const past = history[(frameIndex + 1) % length]!;
    const previous = history[(frameIndex + length - 1) % length]!;
    for (let bin = 0; bin < bins; bin++) {
      const binReal = real[bin]!;
      const binImaginary = imaginary[bin]!;
      const power = binReal * binReal + binImaginary * binImaginary;
      const noiseHere = noisePower[bin]!;
      const late = decay * Math.max(past[bin]! - noiseHere, 0);
      smoothed[bin] = powerSmoothing * previous[bin]! + (1 - powerSmoothing) * power;
      const interference = noiseHere + late;
      let gain = 1;
      if (interference > 1e-20) {
        const posterior = power / interference;
        const prior =
          decisionDirectedWeight * (previousClean[bin]! / interference) +
          (1 - decisionDirectedWeight) * Math.max(posterior - 1, 0);
        gain = Math.max(prior / (1 + prior), floor);
      }
      previousClean[bin] = gain * gain * power;
      real[bin] = binReal * gain;
      imaginary[bin] = binImaginary * gain;
    }
  });
}

/**
 * The same Wiener gain when the interference is the stationary noise alone (the default chain):
 * no reverberation history to keep, and the noise power's inverse is taken once, not per frame.
 */
function suppressStationary(signal: Float32Array, noisePower: Float64Array, floor: number): Float32Array {
  const bins = noisePower.length;
  const inverseNoise = noisePower.map((power) => (power > 1e-20 ? 1 / power : 0));
  const previousClean = new Float64Array(bins);
  return processFrames(signal, (real, imaginary) => {
    for (let bin = 0; bin < bins; bin++) {
      const inverse = inverseNoise[bin]!;
      if (inverse === 0) continue;
      const binReal = real[bin]!;
      const binImaginary = imaginary[bin]!;
      const power = binReal * binReal + binImaginary * binImaginary;
      const posterior = power * inverse;
      const prior =
        decisionDirectedWeight * previousClean[bin]! * inverse +
        (1 - decisionDirectedWeight) * Math.max(posterior - 1, 0);
      const wiener = prior / (1 + prior);
      const gain = Math.max(wiener, floor);
      previousClean[bin] = gain * gain * power;
      real[bin] = binReal * gain;
      imaginary[bin] = binImaginary * gain;
    }
  });
}
