import { describe, expect, test } from "vitest";
import { ComplexFft, RealFft } from "./fft.ts";

function naiveDft(signal: Float64Array): { real: number[]; imaginary: number[] } {
  const size = signal.length;
  const real: number[] = [];
  const imaginary: number[] = [];
  for (let bin = 0; bin <= size / 2; bin++) {
    let sumReal = 0;
    let sumImaginary = 0;
    for (let index = 0; index < size; index++) {
      const angle = (-2 * Math.PI * bin * index) / size;
      sumReal += signal[index]! * Math.cos(angle);
      sumImaginary += signal[index]! * Math.sin(angle);
    }
    real.push(sumReal);
    imaginary.push(sumImaginary);
  }
  return { real, imaginary };
}

describe("RealFft", () => {
  test("matches a direct DFT and inverts exactly", () => {
    const size = 64;
    const signal = new Float64Array(size).map(
      (_, index) => Math.sin(index * 0.37) + ((index * 7919) % 13) / 13,
    );
    const fft = new RealFft(size);
    const real = new Float64Array(fft.bins);
    const imaginary = new Float64Array(fft.bins);
    fft.forward(signal, real, imaginary);
    const expected = naiveDft(signal);
    for (let bin = 0; bin < fft.bins; bin++) {
      expect(real[bin]).toBeCloseTo(expected.real[bin]!, 9);
      expect(imaginary[bin]).toBeCloseTo(expected.imaginary[bin]!, 9);
    }
    const back = new Float64Array(size);
    fft.inverse(real, imaginary, back);
    for (let index = 0; index < size; index++) expect(back[index]).toBeCloseTo(signal[index]!, 12);
  });

  test("matches a direct DFT at every size the radix-4 passes take (odd and even powers of two)", () => {
    for (const size of [4, 8, 16, 32, 1024, 2048]) {
      const signal = new Float64Array(size).map((_, index) => Math.cos(index * 1.3) - ((index * 31) % 7) / 7);
      const fft = new RealFft(size);
      const real = new Float64Array(fft.bins);
      const imaginary = new Float64Array(fft.bins);
      fft.forward(signal, real, imaginary);
      const expected = naiveDft(signal);
      for (let bin = 0; bin < fft.bins; bin++) {
        expect(real[bin]).toBeCloseTo(expected.real[bin]!, 8);
        expect(imaginary[bin]).toBeCloseTo(expected.imaginary[bin]!, 8);
      }
      const back = new Float64Array(size);
      fft.inverse(real, imaginary, back);
      for (let index = 0; index < size; index++) expect(back[index]).toBeCloseTo(signal[index]!, 11);
    }
  });
});

describe("ComplexFft", () => {
  test("matches a direct DFT forwards and inverts (unscaled) at sizes 2 to 512", () => {
    for (const size of [2, 4, 8, 64, 128, 512]) {
      const real = new Float64Array(size).map((_, index) => Math.sin(index * 0.7) + (index % 3));
      const imaginary = new Float64Array(size).map((_, index) => Math.cos(index * 0.19) - (index % 5) / 5);
      const inputReal = real.slice();
      const inputImaginary = imaginary.slice();
      const fft = new ComplexFft(size);
      fft.transform(real, imaginary);
      for (let bin = 0; bin < size; bin++) {
        let sumReal = 0;
        let sumImaginary = 0;
        for (let index = 0; index < size; index++) {
          const angle = (-2 * Math.PI * bin * index) / size;
          sumReal += inputReal[index]! * Math.cos(angle) - inputImaginary[index]! * Math.sin(angle);
          sumImaginary += inputReal[index]! * Math.sin(angle) + inputImaginary[index]! * Math.cos(angle);
        }
        expect(real[bin]).toBeCloseTo(sumReal, 8);
        expect(imaginary[bin]).toBeCloseTo(sumImaginary, 8);
      }
      fft.transform(real, imaginary, true);
      for (let index = 0; index < size; index++) {
        expect(real[index]! / size).toBeCloseTo(inputReal[index]!, 11);
        expect(imaginary[index]! / size).toBeCloseTo(inputImaginary[index]!, 11);
      }
    }
  });

  test("rejects sizes that are not powers of two", () => {
    expect(() => new ComplexFft(12)).toThrow(RangeError);
  });
});
