import type { FfmpegPaths } from "../ffmpeg/run.ts";
import { type DecodedAudio, decodeAudio } from "./decode.ts";
import { detectHum, type HumDetection } from "./hum-detect.ts";
import { type LoudnessMeasurement, measureLoudness } from "./loudness.ts";
import { countClipped, levelStatistics } from "./noise-floor.ts";
import { estimateReverbTime } from "./reverb-time.ts";
import { suggest } from "./suggestions.ts";

/** What is wrong with a recording, measured, with advice a person can act on. */
export type AudioAnalysis = {
  durationSeconds: number;
  channels: number;
  loudness: LoudnessMeasurement;
  noiseFloorDb: number;
  speechLevelDb: number;
  estimatedSnrDb: number;
  hum: HumDetection | null;
  clipping: { clippedSamples: number; share: number };
  /** Blind T60 estimate in seconds from the first minute, or null when it cannot be told. */
  reverbTimeSeconds: number | null;
  suggestions: string[];
};

/** Analyses decoded audio (a few hundred times faster than real time). */
export function analyzeDecoded(audio: DecodedAudio): AudioAnalysis {
  const { channels, sampleRate } = audio;
  const clippedSamples = countClipped(channels);
  const firstMinute = channels[0]!.subarray(0, 60 * sampleRate);
  const measured = {
    durationSeconds: audio.duration,
    channels: channels.length,
    loudness: measureLoudness(channels, sampleRate),
    ...levelStatistics(channels, sampleRate),
    hum: detectHum(channels, sampleRate),
    clipping: {
      clippedSamples,
      share: clippedSamples / Math.max(1, channels.length * (channels[0]?.length ?? 0)),
    },
    reverbTimeSeconds: estimateReverbTime(firstMinute, sampleRate) ?? null,
  };
  return { ...measured, suggestions: suggest(measured) };
}

/** Decodes and analyses a file: loudness, noise floor, hum, clipping, SNR, reverberation, advice. */
export async function analyzeAudio(
  paths: FfmpegPaths,
  file: string,
  options: { signal?: AbortSignal } = {},
): Promise<AudioAnalysis> {
  return analyzeDecoded(await decodeAudio(paths, file, options));
}
