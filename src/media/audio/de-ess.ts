import { processFrames, stftFrameSize } from "./stft.ts";

const sibilantLow = 4500;
const sibilantHigh = 11000;
/** Sibilance is excessive when the 4.5–11 kHz band holds more than this share of a frame's energy. */
const sibilantShare = 0.35;
const release = 0.85;

/**
 * De-esser in the STFT domain (no delay): where the sibilant band carries more than its share of
 * the frame, that band alone is turned down towards the share, by at most 3–12 dB as strength
 * rises; the gain recovers over a few frames so the cut does not flutter.
 */
export function reduceSibilance(
  signal: Float32Array,
  options: { strength: number; sampleRate: number },
): Float32Array {
  const binWidth = options.sampleRate / stftFrameSize;
  const low = Math.ceil(sibilantLow / binWidth);
  const high = Math.min(stftFrameSize / 2, Math.floor(sibilantHigh / binWidth));
  const deepest = 10 ** (-(3 + 9 * options.strength) / 20);
  let gain = 1;
  return processFrames(signal, (real, imaginary) => {
    let total = 1e-20;
    let sibilant = 0;
    for (let bin = 1; bin < real.length; bin++) {
      const power = real[bin]! ** 2 + imaginary[bin]! ** 2;
      total += power;
      if (bin >= low && bin <= high) sibilant += power;
    }
    const share = sibilant / total;
    let target = 1;
    if (share > sibilantShare && total > 1e-6) {
      // gain g on the band that brings its share down to the limit: g²·s / (g²·s + rest) = limit
      const rest = total - sibilant;
      target = Math.max(deepest, Math.sqrt((sibilantShare * rest) / ((1 - sibilantShare) * sibilant)));
    }
    gain = target < gain ? target : release * gain + (1 - release) * target;
    if (gain >= 0.999) return;
    for (let bin = low; bin <= high; bin++) {
      real[bin]! *= gain;
      imaginary[bin]! *= gain;
    }
  });
}
