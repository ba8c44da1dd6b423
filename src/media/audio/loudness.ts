import { truePeak } from "./true-peak.ts";

/** Loudness per ITU-R BS.1770-4 / EBU R128 (integrated, gated) and EBU Tech 3342 (range). */
export type LoudnessMeasurement = {
  integratedLufs: number;
  rangeLu: number;
  truePeakDbtp: number;
};

/** K-weighting at 48 kHz: the head's high shelf, then the RLB high-pass (BS.1770-4, table 1 and 2). */
const shelf = {
  b0: 1.53512485958697,
  b1: -2.69169618940638,
  b2: 1.19839281085285,
  a1: -1.69065929318241,
  a2: 0.73248077421585,
};
const highPass = { b0: 1, b1: -2, b2: 1, a1: -1.99004745483398, a2: 0.99007225036621 };

/** Sum over channels of the K-weighted signal squared, per sample (all channel weights 1). */
export function weightedPower(channels: Float32Array[]): Float32Array {
  const length = channels[0]?.length ?? 0;
  const power = new Float32Array(length);
  // coefficients in locals: this loop runs three times per clean over every sample
  const { b0: sb0, b1: sb1, b2: sb2, a1: sa1, a2: sa2 } = shelf;
  const { b0: hb0, b1: hb1, b2: hb2, a1: ha1, a2: ha2 } = highPass;
  for (const channel of channels) {
    let x1 = 0;
    let x2 = 0;
    let y1 = 0;
    let y2 = 0;
    let z1 = 0;
    let z2 = 0;
    for (let index = 0; index < length; index++) {
      const x = channel[index]!;
      const y = sb0 * x + sb1 * x1 + sb2 * x2 - sa1 * y1 - sa2 * y2;
      const z = hb0 * y + hb1 * y1 + hb2 * y2 - ha1 * z1 - ha2 * z2;
      x2 = x1;
      x1 = x;
      y2 = y1;
      y1 = y;
      z2 = z1;
      z1 = z;
      power[index]! += z * z;
    }
  }
  return power;
}

const toLufs = (meanSquare: number) => -0.691 + 10 * Math.log10(meanSquare + 1e-30);

/** Mean weighted power of blocks of `blockSeconds` every 100 ms, optionally under a gain curve. */
export function blockPowers(
  power: Float32Array,
  sampleRate: number,
  blockSeconds: number,
  gain?: Float32Array,
): Float64Array {
  const step = Math.round(sampleRate / 10);
  const blockLength = Math.round(blockSeconds * sampleRate);
  const steps = Math.floor(power.length / step);
  const stepSums = new Float64Array(steps);
  for (let stepIndex = 0; stepIndex < steps; stepIndex++) {
    let sum = 0;
    const end = (stepIndex + 1) * step;
    if (gain)
      for (let index = stepIndex * step; index < end; index++)
        sum += power[index]! * gain[index]! * gain[index]!;
    else for (let index = stepIndex * step; index < end; index++) sum += power[index]!;
    stepSums[stepIndex] = sum;
  }
  const perBlock = blockLength / step;
  const blocks = Math.max(0, steps - perBlock + 1);
  const result = new Float64Array(blocks);
  for (let block = 0; block < blocks; block++) {
    let sum = 0;
    for (let part = 0; part < perBlock; part++) sum += stepSums[block + part]!;
    result[block] = sum / blockLength;
  }
  return result;
}

/** Integrated loudness (LUFS) from 400 ms block powers with the absolute and relative gates. */
export function integratedLoudness(blocks: Float64Array): number {
  const absolute = [...blocks].filter((value) => toLufs(value) > -70);
  if (absolute.length === 0) return -70;
  const relativeGate = toLufs(absolute.reduce((sum, value) => sum + value, 0) / absolute.length) - 10;
  const gated = absolute.filter((value) => toLufs(value) > relativeGate);
  return toLufs(gated.reduce((sum, value) => sum + value, 0) / Math.max(1, gated.length));
}

/** Loudness range (LU) from 3 s short-term block powers: 95th minus 10th percentile after gating. */
export function loudnessRange(blocks: Float64Array): number {
  const absolute = [...blocks].filter((value) => toLufs(value) > -70);
  if (absolute.length === 0) return 0;
  const relativeGate = toLufs(absolute.reduce((sum, value) => sum + value, 0) / absolute.length) - 20;
  const levels = absolute
    .map(toLufs)
    .filter((level) => level > relativeGate)
    .sort((a, b) => a - b);
  const at = (share: number) =>
    levels[Math.min(levels.length - 1, Math.round(share * (levels.length - 1)))] ?? 0;
  return at(0.95) - at(0.1);
}

/** Measures integrated loudness, loudness range and true peak of 48 kHz audio. */
export function measureLoudness(channels: Float32Array[], sampleRate: number): LoudnessMeasurement {
  const power = weightedPower(channels);
  return {
    integratedLufs: integratedLoudness(blockPowers(power, sampleRate, 0.4)),
    rangeLu: loudnessRange(blockPowers(power, sampleRate, 3)),
    truePeakDbtp: 20 * Math.log10(truePeak(channels) + 1e-12),
  };
}
