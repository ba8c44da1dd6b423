import { combinedPower, type GainedLevels, levelsAfterGain } from "./channel-levels.ts";
import { normalizeLoudness } from "./normalize-loudness.ts";
import { type CleanOptions, loudnessTargets } from "./options.ts";
import { prepareChannels } from "./parallel.ts";
import { planChain } from "./plan.ts";

/**
 * Cleaned planes with what the chain decided, and their levels when they follow from the
 * per-channel measurements (null when the limiter shaped them: then they must be measured).
 */
export type CleanedChannels = {
  channels: Float32Array[];
  decisions: string[];
  loudnessGainDb: number;
  levels: GainedLevels | null;
};

/**
 * The chain on decoded planes, in memory: plan the stages from the audio, clean every channel,
 * then normalise loudness. `onProgress` gets the share done (0–1) and the stage.
 */
export async function cleanChannels(
  channels: Float32Array[],
  sampleRate: number,
  options: CleanOptions,
  hooks: {
    onProgress?: (share: number, stage: string) => void;
    signal?: AbortSignal;
    parallel?: boolean;
  } = {},
): Promise<CleanedChannels> {
  // the channel workers start up while this thread plans
  const prepared = prepareChannels(channels, { signal: hooks.signal, parallel: hooks.parallel });
  let planned: ReturnType<typeof planChain>;
  try {
    planned = planChain(channels, options, sampleRate);
  } catch (error) {
    prepared.close();
    throw error;
  }
  const { plan, decisions } = planned;
  hooks.onProgress?.(0.05, "plan");
  const cleaned = await prepared.run(plan, (share, stage) => hooks.onProgress?.(0.05 + share * 0.85, stage));
  hooks.signal?.throwIfAborted();
  // the K-weighted power was measured beside each channel's cleaning, on the worker threads
  const power = combinedPower(cleaned.levels);
  const levelsAfter = (gainDb: number) =>
    levelsAfterGain(cleaned.levels, power, { gain: 10 ** (gainDb / 20), sampleRate });
  if (!options.loudness.enabled)
    return { channels: cleaned.channels, decisions, loudnessGainDb: 0, levels: levelsAfter(0) };
  hooks.onProgress?.(0.9, "loudness");
  const targetLufs = options.loudness.targetLufs ?? loudnessTargets[options.loudness.target];
  const normalized = normalizeLoudness(cleaned.channels, {
    targetLufs,
    ceilingDbtp: options.loudness.truePeakDbtp,
    sampleRate,
    power,
    truePeak: Math.max(0, ...cleaned.levels.map((channel) => channel.truePeak)),
  });
  decisions.push(
    `Loudness: ${targetLufs} LUFS, ${options.loudness.truePeakDbtp} dBTP ceiling (gain ${normalized.gainDb.toFixed(1)} dB${normalized.limited ? ", limited" : ""}).`,
  );
  hooks.onProgress?.(1, "loudness");
  return {
    channels: normalized.channels,
    decisions,
    loudnessGainDb: normalized.gainDb,
    levels: normalized.limited ? null : levelsAfter(normalized.gainDb),
  };
}
