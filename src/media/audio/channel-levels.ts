import { blockPowers, integratedLoudness, loudnessRange, weightedPower } from "./loudness.ts";
import { levelStatisticsFromEnergies, windowEnergies } from "./noise-floor.ts";
import { truePeak } from "./true-peak.ts";

/**
 * What the loudness stage and the report need from one cleaned channel, measured on the thread
 * that cleaned it: its K-weighted power per sample, its 50 ms window energies and its true peak.
 */
export type ChannelLevels = { power: Float32Array; energies: Float64Array; truePeak: number };

export function measureChannel(channel: Float32Array, sampleRate: number): ChannelLevels {
  return {
    power: weightedPower([channel]),
    energies: windowEnergies(channel, sampleRate),
    truePeak: truePeak([channel]),
  };
}

/** The K-weighted power of all channels: `weightedPower` of them all, to float32 rounding. */
export function combinedPower(levels: ChannelLevels[]): Float32Array {
  const power = levels[0] ? new Float32Array(levels[0].power) : new Float32Array(0);
  for (let channel = 1; channel < levels.length; channel++) {
    const channelPower = levels[channel]!.power;
    for (let index = 0; index < power.length; index++) power[index]! += channelPower[index]!;
  }
  return power;
}

/** Levels of the audio after one gain (no limiting), from its measurement before the gain. */
export type GainedLevels = {
  integratedLufs: number;
  rangeLu: number;
  truePeakDbtp: number;
  noiseFloorDb: number;
};

/**
 * The levels of the channels times `gain`, from their `ChannelLevels` and summed power: a gain
 * scales every block power and window energy by gain² and the true peak by gain, so the output
 * need not be measured again (the gates are applied to the scaled blocks, as a meter would).
 */
export function levelsAfterGain(
  levels: ChannelLevels[],
  power: Float32Array,
  options: { gain: number; sampleRate: number },
): GainedLevels {
  const { gain, sampleRate } = options;
  const scaled = (blocks: Float64Array) => blocks.map((value) => value * gain * gain);
  const peak = Math.max(0, ...levels.map((channel) => channel.truePeak)) * gain;
  return {
    integratedLufs: integratedLoudness(scaled(blockPowers(power, sampleRate, 0.4))),
    rangeLu: loudnessRange(scaled(blockPowers(power, sampleRate, 3))),
    truePeakDbtp: 20 * Math.log10(peak + 1e-12),
    noiseFloorDb: levelStatisticsFromEnergies(
      levels.map((channel) => channel.energies),
      sampleRate,
      gain,
    ).noiseFloorDb,
  };
}
