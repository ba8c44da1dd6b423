import { analyseFrames, stftFrameSize, stftHop } from "./stft.ts";

const analysisHop = stftHop * 2;
/** Octave bands (Hz) where speech has energy and rooms decay measurably. */
const bands: Array<[number, number]> = [
  [250, 500],
  [500, 1000],
  [1000, 2000],
  [2000, 4000],
];
const minimumDecayFrames = 8;
const minimumDropDb = 10;
/** A decay is measured only while it stays this far above the band's noise floor. */
const floorMarginDb = 6;
/**
 * A free decay can never be faster than the room's, only slower (when the voice fades rather than
 * stops), so the room's decay is read from the fast end of the observed decays.
 */
const decayPercentile = 0.3;

function bandLevels(signal: Float32Array, sampleRate: number): number[][] {
  const binWidth = sampleRate / stftFrameSize;
  const levels: number[][] = bands.map(() => []);
  analyseFrames(
    signal,
    (real, imaginary) => {
      bands.forEach(([low, high], band) => {
        let energy = 1e-20;
        for (let bin = Math.ceil(low / binWidth); bin < high / binWidth; bin++) {
          energy += real[bin]! ** 2 + imaginary[bin]! ** 2;
        }
        levels[band]!.push(10 * Math.log10(energy));
      });
    },
    { hop: analysisHop },
  );
  return levels.map((level) =>
    level.map(
      (_, index) =>
        ((level[index - 1] ?? level[index]!) + level[index]! + (level[index + 1] ?? level[index]!)) / 3,
    ),
  );
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

function slope(levels: number[], start: number, end: number): number {
  const count = end - start + 1;
  let meanX = 0;
  let meanY = 0;
  for (let index = start; index <= end; index++) {
    meanX += index / count;
    meanY += levels[index]! / count;
  }
  let covariance = 0;
  let variance = 0;
  for (let index = start; index <= end; index++) {
    covariance += (index - meanX) * (levels[index]! - meanY);
    variance += (index - meanX) ** 2;
  }
  return covariance / variance;
}

/**
 * Blind estimate of the reverberation time T60 (seconds) from the free decays of speech: in each
 * octave band, every run where the level falls steadily by at least 10 dB is fitted with a line,
 * and the fast end of the fitted decay times is taken as the room's. Returns undefined when the
 * clip holds too few decays to tell (less than a few words).
 */
export function estimateReverbTime(signal: Float32Array, sampleRate: number): number | undefined {
  const framesPerSecond = sampleRate / analysisHop;
  const decayTimes: number[] = [];
  for (const levels of bandLevels(signal, sampleRate)) {
    const floor = percentile(levels, 0.1) + floorMarginDb;
    let index = 1;
    while (index < levels.length - 1) {
      const isPeak = levels[index]! >= levels[index - 1]! && levels[index]! > levels[index + 1]!;
      if (!isPeak || levels[index]! < floor + minimumDropDb) {
        index++;
        continue;
      }
      let end = index;
      while (end + 1 < levels.length && levels[end + 1]! < levels[end]! && levels[end + 1]! > floor) end++;
      if (end - index >= minimumDecayFrames && levels[index]! - levels[end]! >= minimumDropDb) {
        const decibelsPerSecond = slope(levels, index + 1, end) * framesPerSecond;
        if (decibelsPerSecond < 0) decayTimes.push(-60 / decibelsPerSecond);
      }
      index = end + 1;
    }
  }
  if (decayTimes.length < 4) return undefined;
  return percentile(decayTimes, decayPercentile);
}
