import { normalizeLoudness } from "./normalize-loudness.ts";
import { type CleanOptions, loudnessTargets } from "./options.ts";
import { prepareChannels } from "./parallel.ts";
import { planChain } from "./plan.ts";

/** Cleaned planes with what the chain decided. */
export type CleanedChannels = { channels: Float32Array[]; decisions: string[]; loudnessGainDb: number };

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
  if (!options.loudness.enabled) return { channels: cleaned, decisions, loudnessGainDb: 0 };
  hooks.onProgress?.(0.9, "loudness");
  const targetLufs = options.loudness.targetLufs ?? loudnessTargets[options.loudness.target];
  const normalized = normalizeLoudness(cleaned, {
    targetLufs,
    ceilingDbtp: options.loudness.truePeakDbtp,
    sampleRate,
  });
  decisions.push(
    `Loudness: ${targetLufs} LUFS, ${options.loudness.truePeakDbtp} dBTP ceiling (gain ${normalized.gainDb.toFixed(1)} dB${normalized.limited ? ", limited" : ""}).`,
  );
  hooks.onProgress?.(1, "loudness");
  return { channels: normalized.channels, decisions, loudnessGainDb: normalized.gainDb };
}
