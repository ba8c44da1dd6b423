const windowSeconds = 0.05;
const silenceDb = -120;

/** Levels (dBFS RMS) of the programme's quiet bed and of its loud passages. */
export type LevelStatistics = { noiseFloorDb: number; speechLevelDb: number; estimatedSnrDb: number };

/** Length of the level windows in samples. */
export function levelWindowLength(sampleRate: number): number {
  return Math.round(windowSeconds * sampleRate);
}

/** Sum of squares of one channel over each 50 ms window (the partial window at the end left out). */
export function windowEnergies(channel: Float32Array, sampleRate: number): Float64Array {
  const windowLength = levelWindowLength(sampleRate);
  const energies = new Float64Array(Math.floor(channel.length / windowLength));
  for (let window = 0; window < energies.length; window++) {
    let sum = 0;
    const end = (window + 1) * windowLength;
    for (let index = window * windowLength; index < end; index++) sum += channel[index]! * channel[index]!;
    energies[window] = sum;
  }
  return energies;
}

/**
 * The statistics from per-channel window energies (`windowEnergies`), each channel's scaled by
 * `gain`² (the level of the audio after a gain, without measuring it again).
 */
export function levelStatisticsFromEnergies(
  channels: Float64Array[],
  sampleRate: number,
  gain = 1,
): LevelStatistics {
  const windows = channels[0]?.length ?? 0;
  if (windows === 0) return { noiseFloorDb: silenceDb, speechLevelDb: silenceDb, estimatedSnrDb: 0 };
  const scale = (gain * gain) / (levelWindowLength(sampleRate) * channels.length);
  const levels = new Float64Array(windows);
  for (let window = 0; window < windows; window++) {
    let sum = 0;
    for (const energies of channels) sum += energies[window]!;
    levels[window] = Math.max(silenceDb, 10 * Math.log10(sum * scale + 1e-30));
  }
  levels.sort();
  const at = (share: number) => levels[Math.min(windows - 1, Math.floor(share * windows))]!;
  const noiseFloorDb = at(0.1);
  const speechLevelDb = at(0.95);
  return { noiseFloorDb, speechLevelDb, estimatedSnrDb: speechLevelDb - noiseFloorDb };
}

/**
 * Splits the audio into 50 ms windows: the 10th percentile of their RMS levels is the noise
 * floor, the 95th the level of the dialogue, and their difference the estimated SNR. Digital
 * silence counts as floor (it is a silent floor), clamped at -120 dBFS.
 */
export function levelStatistics(channels: Float32Array[], sampleRate: number): LevelStatistics {
  return levelStatisticsFromEnergies(
    channels.map((channel) => windowEnergies(channel, sampleRate)),
    sampleRate,
  );
}

/** Samples at or beyond full scale (decoders deliver a clipped 16-bit sample as ±0.99997). */
export function countClipped(channels: Float32Array[]): number {
  let count = 0;
  for (const channel of channels) for (const value of channel) if (Math.abs(value) >= 0.9999) count++;
  return count;
}
