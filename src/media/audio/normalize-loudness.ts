import { limiterGain, peakEnvelopes } from "./limiter.ts";
import { blockPowers, integratedLoudness, weightedPower } from "./loudness.ts";

/** The limiter aims this far under the asked ceiling, so independent meters agree it holds. */
const ceilingMarginDb = 0.4;
const iterations = 5;

export type NormalizeResult = { channels: Float32Array[]; gainDb: number; limited: boolean };

/**
 * Two-pass loudness normalisation: measure the integrated loudness, then apply one gain and a
 * linked true-peak limiter. Limiting lowers the loudness a little, so the gain is re-solved a few
 * times against the loudness of the limited signal (computed from the K-weighted power under the
 * gain curve, which is exact while the curve moves slowly against the K-filter).
 */
export function normalizeLoudness(
  channels: Float32Array[],
  options: {
    targetLufs: number;
    ceilingDbtp: number;
    sampleRate: number;
    /** The channels' summed K-weighted power (`weightedPower`), when already measured. */
    power?: Float32Array;
    /** The channels' true peak (linear), when already measured. */
    truePeak?: number;
  },
): NormalizeResult {
  const power = options.power ?? weightedPower(channels);
  const measured = integratedLoudness(blockPowers(power, options.sampleRate, 0.4));
  if (measured <= -70)
    return { channels: channels.map((channel) => new Float32Array(channel)), gainDb: 0, limited: false };
  const ceiling = 10 ** ((options.ceilingDbtp - ceilingMarginDb) / 20);
  let gainDb = options.targetLufs - measured;
  const scale = (gain: number, curve: Float32Array | null) =>
    channels.map((channel) => {
      const result = new Float32Array(channel.length);
      for (let index = 0; index < channel.length; index++)
        result[index] = channel[index]! * gain * (curve ? curve[index]! : 1);
      return result;
    });
  // a known true peak that the gain keeps under the ceiling means no limiting: the per-sample
  // envelopes are not needed (the envelope never exceeds the true peak: same interpolator, and
  // inter-sample overs stay within 6 dB of their samples, as the meter assumes)
  if (options.truePeak !== undefined && options.truePeak * 10 ** (gainDb / 20) <= ceiling)
    return { channels: scale(10 ** (gainDb / 20), null), gainDb, limited: false };
  const envelopes = peakEnvelopes(channels, ceiling / (10 ** (gainDb / 20) * 1.5));
  const curveFor = (decibels: number) =>
    limiterGain({
      channels,
      envelopes,
      gain: 10 ** (decibels / 20),
      ceiling,
      sampleRate: options.sampleRate,
    });
  let curve = curveFor(gainDb);
  for (let iteration = 0; curve && iteration < iterations; iteration++) {
    const limitedLoudness = integratedLoudness(blockPowers(power, options.sampleRate, 0.4, curve)) + gainDb;
    const error = options.targetLufs - limitedLoudness;
    if (Math.abs(error) < 0.02) break;
    gainDb += error;
    curve = curveFor(gainDb);
  }
  return { channels: scale(10 ** (gainDb / 20), curve), gainDb, limited: curve !== null };
}
