const windowSeconds = 0.05;
const silenceDb = -120;

/** Levels (dBFS RMS) of the programme's quiet bed and of its loud passages. */
export type LevelStatistics = { noiseFloorDb: number; speechLevelDb: number; estimatedSnrDb: number };

/**
 * Splits the audio into 50 ms windows: the 10th percentile of their RMS levels is the noise
 * floor, the 95th the level of the dialogue, and their difference the estimated SNR. Digital
 * silence counts as floor (it is a silent floor), clamped at -120 dBFS.
 */
export function levelStatistics(channels: Float32Array[], sampleRate: number): LevelStatistics {
  const windowLength = Math.round(windowSeconds * sampleRate);
  const length = channels[0]?.length ?? 0;
  const levels: number[] = [];
  for (let start = 0; start + windowLength <= length; start += windowLength) {
    let sum = 0;
    for (const channel of channels) {
      for (let index = start; index < start + windowLength; index++) sum += channel[index]! * channel[index]!;
    }
    levels.push(Math.max(silenceDb, 10 * Math.log10(sum / (windowLength * channels.length) + 1e-30)));
  }
  if (levels.length === 0) return { noiseFloorDb: silenceDb, speechLevelDb: silenceDb, estimatedSnrDb: 0 };
  levels.sort((a, b) => a - b);
  const at = (share: number) => levels[Math.min(levels.length - 1, Math.floor(share * levels.length))]!;
  const noiseFloorDb = at(0.1);
  const speechLevelDb = at(0.95);
  return { noiseFloorDb, speechLevelDb, estimatedSnrDb: speechLevelDb - noiseFloorDb };
}

/** Samples at or beyond full scale (decoders deliver a clipped 16-bit sample as ±0.99997). */
export function countClipped(channels: Float32Array[]): number {
  let count = 0;
  for (const channel of channels) for (const value of channel) if (Math.abs(value) >= 0.9999) count++;
  return count;
}
