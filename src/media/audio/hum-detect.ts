import { RealFft } from "./fft.ts";

/** One spectral line of the hum. */
export type HumLine = { harmonic: number; frequency: number; levelDb: number; prominenceDb: number };

/** Mains or generator hum found in a recording. */
export type HumDetection = {
  /** 50 or 60: the mains family the lines belong to. */
  mains: 50 | 60;
  /** Measured fundamental (Hz); generators drift off the nominal frequency. */
  fundamental: number;
  /** Level of the strongest line, in dBFS (a full-scale sine is 0). */
  levelDb: number;
  lines: HumLine[];
};

const analysisSize = 32768;
const maximumSeconds = 30;
const maximumHarmonics = 24;
/** A line this far above the spectrum around it is hum rather than voice or noise. */
const prominenceThresholdDb = 9;

function averageSpectrum(channels: Float32Array[], sampleRate: number): Float64Array {
  const fft = new RealFft(analysisSize);
  const frame = new Float64Array(analysisSize);
  const real = new Float64Array(fft.bins);
  const imaginary = new Float64Array(fft.bins);
  const power = new Float64Array(fft.bins);
  const length = Math.min(channels[0]?.length ?? 0, maximumSeconds * sampleRate);
  const window = new Float64Array(analysisSize).map(
    (_, index) => 0.5 - 0.5 * Math.cos((2 * Math.PI * index) / analysisSize),
  );
  let frames = 0;
  for (let start = 0; start + analysisSize <= Math.max(length, analysisSize); start += analysisSize / 2) {
    for (let index = 0; index < analysisSize; index++) {
      let sum = 0;
      for (const channel of channels) sum += channel[start + index] ?? 0;
      frame[index] = (sum / channels.length) * window[index]!;
    }
    fft.forward(frame, real, imaginary);
    for (let bin = 0; bin < fft.bins; bin++) power[bin]! += real[bin]! ** 2 + imaginary[bin]! ** 2;
    frames++;
  }
  // power of a sine of amplitude A at its peak bin with a Hann window is (A·N/4)²
  const scale = (4 / analysisSize) ** 2 / frames;
  return power.map((value) => value * scale);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function measureLine(power: Float64Array, target: number, binWidth: number, harmonic: number): HumLine {
  const centre = Math.round(target / binWidth);
  const reach = Math.max(2, Math.ceil((1.2 * harmonic) / binWidth));
  let peak = centre;
  for (let bin = centre - reach; bin <= centre + reach; bin++) if (power[bin]! > power[peak]!) peak = bin;
  const left = Math.log(power[peak - 1]! + 1e-30);
  const middle = Math.log(power[peak]! + 1e-30);
  const right = Math.log(power[peak + 1]! + 1e-30);
  const denominator = left - 2 * middle + right;
  const offset = denominator === 0 ? 0 : (0.5 * (left - right)) / denominator;
  const neighbours: number[] = [];
  const span = Math.ceil(25 / binWidth);
  for (let bin = peak - span; bin <= peak + span; bin++) {
    if (Math.abs(bin - peak) > reach + 2 && bin > 0 && bin < power.length) neighbours.push(power[bin]!);
  }
  return {
    harmonic,
    frequency: (peak + offset) * binWidth,
    levelDb: 10 * Math.log10(power[peak]! + 1e-30),
    prominenceDb: 10 * Math.log10((power[peak]! + 1e-30) / (median(neighbours) + 1e-30)),
  };
}

/**
 * Finds 50/60 Hz hum and its harmonics in the averaged spectrum of the first 30 s (0.7 s frames,
 * 1.5 Hz bins, peaks refined by parabolic interpolation). Returns null when neither family stands
 * out from the spectrum around it.
 */
export function detectHum(channels: Float32Array[], sampleRate: number): HumDetection | null {
  if ((channels[0]?.length ?? 0) < sampleRate) return null;
  const power = averageSpectrum(channels, sampleRate);
  const binWidth = sampleRate / analysisSize;
  const families = ([50, 60] as const).map((mains) => {
    const lines: HumLine[] = [];
    for (let harmonic = 1; harmonic <= maximumHarmonics; harmonic++) {
      lines.push(measureLine(power, mains * harmonic, binWidth, harmonic));
    }
    const found = lines.filter((line) => line.prominenceDb >= prominenceThresholdDb);
    const score = found.reduce((sum, line) => sum + line.prominenceDb, 0);
    return { mains, found, score };
  });
  const best = families.sort((a, b) => b.score - a.score)[0];
  const fundamentalLine = best?.found.find((line) => line.harmonic === 1);
  const lone = fundamentalLine !== undefined && fundamentalLine.prominenceDb >= 2 * prominenceThresholdDb;
  if (!best || (best.found.length < 2 && !lone)) return null;
  const firstLine = best.found[0]!;
  return {
    mains: best.mains,
    fundamental: fundamentalLine ? fundamentalLine.frequency : firstLine.frequency / firstLine.harmonic,
    levelDb: Math.max(...best.found.map((line) => line.levelDb)),
    lines: best.found,
  };
}
