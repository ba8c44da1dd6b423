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
/** Power three bins off a hum line's peak stays below this share of the peak (-15 dB). */
const narrowRatio = 10 ** -1.5;
/** Once the fundamental is established, a harmonic needs less to count. */
const harmonicThresholdDb = 6;
/** A hum line keeps at least this share of its power in the quietest frames. */
const steadyShare = 0.25;
/** How far (Hz) a harmonic may sit from its multiple of the measured fundamental. */
const lineToleranceHz = 2;

/**
 * Power spectra averaged over all 0.7 s frames and over the quietest quarter: hum goes on through
 * the pauses while a steady voice's harmonics (which can sit near multiples of 50 Hz) do not.
 */
function spectra(channels: Float32Array[], sampleRate: number): { all: Float64Array; quiet: Float64Array } {
  const fft = new RealFft(analysisSize);
  const frame = new Float64Array(analysisSize);
  const real = new Float64Array(fft.bins);
  const imaginary = new Float64Array(fft.bins);
  const length = Math.min(channels[0]?.length ?? 0, maximumSeconds * sampleRate);
  const window = new Float64Array(analysisSize).map(
    (_, index) => 0.5 - 0.5 * Math.cos((2 * Math.PI * index) / analysisSize),
  );
  const frames: Array<{ energy: number; power: Float64Array }> = [];
  for (let start = 0; start + analysisSize <= Math.max(length, analysisSize); start += analysisSize / 4) {
    let energy = 0;
    for (let index = 0; index < analysisSize; index++) {
      let sum = 0;
      for (const channel of channels) sum += channel[start + index] ?? 0;
      frame[index] = (sum / channels.length) * window[index]!;
      energy += frame[index]! ** 2;
    }
    fft.forward(frame, real, imaginary);
    const power = new Float64Array(fft.bins);
    for (let bin = 0; bin < fft.bins; bin++) power[bin] = real[bin]! ** 2 + imaginary[bin]! ** 2;
    frames.push({ energy, power });
  }
  const average = (chosen: typeof frames) => {
    // power of a sine of amplitude A at its peak bin with a Hann window is (A·N/4)²
    const scale = (4 / analysisSize) ** 2 / chosen.length;
    const sum = new Float64Array(fft.bins);
    for (const { power } of chosen) for (let bin = 0; bin < fft.bins; bin++) sum[bin]! += power[bin]! * scale;
    return sum;
  };
  const quiet = [...frames]
    .sort((a, b) => a.energy - b.energy)
    .slice(0, Math.max(1, Math.ceil(frames.length / 4)));
  return { all: average(frames), quiet: average(quiet) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function measureLine(
  power: Float64Array,
  target: number,
  binWidth: number,
  harmonic: number,
  reachHz: number,
): HumLine {
  const centre = Math.round(target / binWidth);
  const reach = Math.max(1, Math.ceil(reachHz / binWidth));
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
  const { all, quiet } = spectra(channels, sampleRate);
  const binWidth = sampleRate / analysisSize;
  // hum is steady (it goes on through the pauses) and narrow (a voice's pitch wanders, smearing
  // its harmonics over several bins, while a Hann-windowed sine is 30 dB down three bins away)
  const steady = (line: HumLine) => {
    const bin = Math.round(line.frequency / binWidth);
    const narrow = Math.max(all[bin - 3]!, all[bin + 3]!) <= all[bin]! * narrowRatio;
    return line.prominenceDb >= prominenceThresholdDb && narrow && quiet[bin]! >= steadyShare * all[bin]!;
  };

  const families = ([50, 60] as const).map((mains) => {
    // the fundamental is found among the first lines (generators drift by a few tenths of a hertz),
    // then every harmonic is looked for within a narrow window around its multiple; only the
    // anchor must be steady; harmonics are read in the quiet frames, where the voice masks less
    const low = [1, 2, 3]
      .map((harmonic) => measureLine(all, mains * harmonic, binWidth, harmonic, 1.5 * harmonic))
      .filter(steady);
    const anchor = low.sort((a, b) => b.prominenceDb - a.prominenceDb)[0];
    if (!anchor) return { mains, found: [] as HumLine[], score: 0 };
    const fundamental = anchor.frequency / anchor.harmonic;
    const found: HumLine[] = [];
    for (let harmonic = 1; harmonic <= maximumHarmonics; harmonic++) {
      // only the anchor must be steady; harmonics are read in the quiet frames, where the voice masks less
      const line = measureLine(quiet, fundamental * harmonic, binWidth, harmonic, lineToleranceHz);
      if (
        line.prominenceDb >= harmonicThresholdDb &&
        Math.abs(line.frequency - fundamental * harmonic) <= lineToleranceHz
      ) {
        found.push(line);
      }
    }
    return { mains, found, score: found.reduce((sum, line) => sum + line.prominenceDb, 0) };
  });
  const best = families.sort((a, b) => b.score - a.score)[0];
  const fundamentalLine = best?.found.find((line) => line.harmonic === 1);
  const lone = fundamentalLine !== undefined && fundamentalLine.prominenceDb >= 2 * prominenceThresholdDb;
  if (!best || (best.found.length < 2 && !lone)) return null;
  const first = best.found[0]!;
  return {
    mains: best.mains,
    fundamental: fundamentalLine ? fundamentalLine.frequency : first.frequency / first.harmonic,
    levelDb: Math.max(...best.found.map((line) => line.levelDb)),
    lines: best.found,
  };
}
