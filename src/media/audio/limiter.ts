import { truePeakEnvelope } from "./true-peak.ts";

/** Half-width of the look-around window: the gain reaches its floor 5 ms before a peak. */
const lookSeconds = 0.005;
const releaseSeconds = 0.08;

/** Sliding minimum over [index - reach, index + reach] in O(n) (monotonic deque). */
function slidingMinimum(values: Float32Array, reach: number): Float32Array {
  const output = new Float32Array(values.length);
  const queue = new Int32Array(values.length);
  let head = 0;
  let tail = 0;
  for (let index = 0; index < values.length + reach; index++) {
    if (index < values.length) {
      while (tail > head && values[queue[tail - 1]!]! >= values[index]!) tail--;
      queue[tail++] = index;
    }
    const centre = index - reach;
    if (centre < 0) continue;
    while (queue[head]! < centre - reach) head++;
    output[centre] = values[queue[head]!]!;
  }
  return output;
}

/**
 * The gain curve of a linked true-peak limiter for `gain`·signal, computed offline with no delay:
 * per sample the gain that keeps the true peak at `ceiling`, then a sliding minimum and a moving
 * average of the same width (so the curve is already down when the peak arrives), then a slow
 * release. Every step only lowers the curve, so the ceiling holds. All channels share one curve
 * so the stereo image does not move.
 */
export function limiterGain(options: {
  channels: Float32Array[];
  envelopes: Float32Array[];
  gain: number;
  ceiling: number;
  sampleRate: number;
}): Float32Array | null {
  const length = options.channels[0]?.length ?? 0;
  const wanted = new Float32Array(length).fill(1);
  let limited = false;
  for (const envelope of options.envelopes) {
    for (let index = 0; index < length; index++) {
      const peak = envelope[index]! * options.gain;
      if (peak > options.ceiling) {
        wanted[index] = Math.min(wanted[index]!, options.ceiling / peak);
        limited = true;
      }
    }
  }
  if (!limited) return null;
  const reach = Math.round(lookSeconds * options.sampleRate);
  const floor = slidingMinimum(wanted, reach);
  const smooth = new Float32Array(length);
  // running sum of (value - 1) over the window; outside the signal the curve is 1
  let sum = 0;
  const width = 2 * reach + 1;
  for (let index = -reach; index < length + reach; index++) {
    sum += (floor[index + reach] ?? 1) - (floor[index - reach - 1] ?? 1);
    if (index >= 0 && index < length) smooth[index] = Math.min(1, 1 + sum / width);
  }
  const releaseStep = 1 - Math.exp(-1 / (releaseSeconds * options.sampleRate));
  let current = 1;
  for (let index = 0; index < length; index++) {
    current = Math.min(smooth[index]!, current + (1 - current) * releaseStep);
    smooth[index] = current;
  }
  return smooth;
}

/** The true-peak envelopes the limiter works from, precomputed once per channel. */
export function peakEnvelopes(channels: Float32Array[], threshold: number): Float32Array[] {
  return channels.map((channel) => truePeakEnvelope(channel, threshold));
}
