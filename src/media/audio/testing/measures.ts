import { ComplexFft } from "../fft.ts";

/** Scale-invariant signal-to-distortion ratio in dB (Le Roux et al. 2019), zero-mean. */
export function siSdr(reference: Float32Array, estimate: Float32Array): number {
  const length = Math.min(reference.length, estimate.length);
  let referenceMean = 0;
  let estimateMean = 0;
  for (let index = 0; index < length; index++) {
    referenceMean += reference[index]! / length;
    estimateMean += estimate[index]! / length;
  }
  let dot = 0;
  let referenceEnergy = 0;
  for (let index = 0; index < length; index++) {
    dot += (reference[index]! - referenceMean) * (estimate[index]! - estimateMean);
    referenceEnergy += (reference[index]! - referenceMean) ** 2;
  }
  const scale = dot / referenceEnergy;
  let target = 0;
  let error = 0;
  for (let index = 0; index < length; index++) {
    const projected = scale * (reference[index]! - referenceMean);
    target += projected ** 2;
    error += (estimate[index]! - estimateMean - projected) ** 2;
  }
  return 10 * Math.log10(target / error);
}

/** The lag (samples, output later = positive) where the cross-correlation peaks, searched ±maxLag (by FFT). */
export function correlationLag(input: Float32Array, output: Float32Array, maxLag = 2000): number {
  const length = Math.min(input.length, output.length);
  let size = 1;
  while (size < 2 * length) size *= 2;
  const fft = new ComplexFft(size);
  const aReal = new Float64Array(size);
  const aImaginary = new Float64Array(size);
  const bReal = new Float64Array(size);
  const bImaginary = new Float64Array(size);
  aReal.set(input.subarray(0, length));
  bReal.set(output.subarray(0, length));
  fft.transform(aReal, aImaginary);
  fft.transform(bReal, bImaginary);
  for (let index = 0; index < size; index++) {
    // conj(A)·B: the correlation of output against input
    const real = aReal[index]! * bReal[index]! + aImaginary[index]! * bImaginary[index]!;
    const imaginary = aReal[index]! * bImaginary[index]! - aImaginary[index]! * bReal[index]!;
    aReal[index] = real;
    aImaginary[index] = imaginary;
  }
  fft.transform(aReal, aImaginary, true);
  let best = -Infinity;
  let bestLag = 0;
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    const value = aReal[(lag + size) % size]!;
    if (value > best) {
      best = value;
      bestLag = lag;
    }
  }
  return bestLag;
}

/** Amplitude of the component at exactly `frequency` (a lock-in over the whole clip, Hann-weighted). */
export function toneAmplitude(signal: Float32Array, frequency: number, sampleRate: number): number {
  let real = 0;
  let imaginary = 0;
  let weight = 0;
  for (let index = 0; index < signal.length; index++) {
    const window = 0.5 - 0.5 * Math.cos((2 * Math.PI * index) / signal.length);
    const angle = (2 * Math.PI * frequency * index) / sampleRate;
    real += signal[index]! * window * Math.cos(angle);
    imaginary += signal[index]! * window * Math.sin(angle);
    weight += window;
  }
  return (2 * Math.hypot(real, imaginary)) / weight;
}
