/**
 * Radix-2 FFTs on Float64Arrays. `ComplexFft` is the iterative Cooley–Tukey transform;
 * `RealFft` packs a real signal of size N into a complex one of size N/2, which halves the work
 * of every STFT stage in the cleaning chain.
 */
export class ComplexFft {
  readonly size: number;
  private readonly cosTable: Float64Array;
  private readonly sinTable: Float64Array;
  private readonly reversed: Uint32Array;

  constructor(size: number) {
    if (size < 2 || (size & (size - 1)) !== 0)
      throw new RangeError(`FFT size must be a power of two: ${size}`);
    this.size = size;
    this.cosTable = new Float64Array(size / 2);
    this.sinTable = new Float64Array(size / 2);
    for (let index = 0; index < size / 2; index++) {
      this.cosTable[index] = Math.cos((2 * Math.PI * index) / size);
      this.sinTable[index] = -Math.sin((2 * Math.PI * index) / size);
    }
    this.reversed = new Uint32Array(size);
    const bits = Math.log2(size);
    for (let index = 0; index < size; index++) {
      let value = 0;
      for (let bit = 0; bit < bits; bit++) value |= ((index >> bit) & 1) << (bits - 1 - bit);
      this.reversed[index] = value;
    }
  }

  /** In-place forward transform (e^{-2πikn/N}); `inverse` conjugates, unscaled. */
  transform(real: Float64Array, imaginary: Float64Array, inverse = false): void {
    const size = this.size;
    const reversed = this.reversed;
    for (let index = 0; index < size; index++) {
      const target = reversed[index]!;
      if (target > index) {
        const swapReal = real[index]!;
        real[index] = real[target]!;
        real[target] = swapReal;
        const swapImaginary = imaginary[index]!;
        imaginary[index] = imaginary[target]!;
        imaginary[target] = swapImaginary;
      }
    }
    const sign = inverse ? -1 : 1;
    const cosTable = this.cosTable;
    const sinTable = this.sinTable;
    for (let length = 2; length <= size; length *= 2) {
      const half = length / 2;
      const step = size / length;
      for (let start = 0; start < size; start += length) {
        for (let offset = 0, table = 0; offset < half; offset++, table += step) {
          const twiddleReal = cosTable[table]!;
          const twiddleImaginary = sign * sinTable[table]!;
          const even = start + offset;
          const odd = even + half;
          const oddReal = real[odd]!;
          const oddImaginary = imaginary[odd]!;
          const productReal = oddReal * twiddleReal - oddImaginary * twiddleImaginary;
          const productImaginary = oddReal * twiddleImaginary + oddImaginary * twiddleReal;
          const evenReal = real[even]!;
          const evenImaginary = imaginary[even]!;
          real[odd] = evenReal - productReal;
          imaginary[odd] = evenImaginary - productImaginary;
          real[even] = evenReal + productReal;
          imaginary[even] = evenImaginary + productImaginary;
        }
      }
    }
  }
}

/** FFT of a real signal of size N, giving the N/2 + 1 non-negative frequency bins. */
export class RealFft {
  readonly size: number;
  readonly bins: number;
  private readonly half: ComplexFft;
  private readonly workReal: Float64Array;
  private readonly workImaginary: Float64Array;
  private readonly twiddleReal: Float64Array;
  private readonly twiddleImaginary: Float64Array;

  constructor(size: number) {
    this.size = size;
    this.bins = size / 2 + 1;
    this.half = new ComplexFft(size / 2);
    this.workReal = new Float64Array(size / 2);
    this.workImaginary = new Float64Array(size / 2);
    this.twiddleReal = new Float64Array(size / 2 + 1);
    this.twiddleImaginary = new Float64Array(size / 2 + 1);
    for (let bin = 0; bin <= size / 2; bin++) {
      this.twiddleReal[bin] = Math.cos((2 * Math.PI * bin) / size);
      this.twiddleImaginary[bin] = -Math.sin((2 * Math.PI * bin) / size);
    }
  }

  /** Spectrum of `input` (length N) into `real`/`imaginary` (length N/2 + 1). */
  forward(input: Float64Array, real: Float64Array, imaginary: Float64Array): void {
    const half = this.size / 2;
    const workReal = this.workReal;
    const workImaginary = this.workImaginary;
    for (let index = 0; index < half; index++) {
      workReal[index] = input[2 * index]!;
      workImaginary[index] = input[2 * index + 1]!;
    }
    this.half.transform(workReal, workImaginary);
    for (let bin = 0; bin <= half; bin++) {
      const a = bin % half;
      const b = (half - bin) % half;
      const zReal = workReal[a]!;
      const zImaginary = workImaginary[a]!;
      const mirrorReal = workReal[b]!;
      const mirrorImaginary = -workImaginary[b]!;
      const evenReal = 0.5 * (zReal + mirrorReal);
      const evenImaginary = 0.5 * (zImaginary + mirrorImaginary);
      // (z - conj(mirror)) / 2i
      const oddReal = 0.5 * (zImaginary - mirrorImaginary);
      const oddImaginary = -0.5 * (zReal - mirrorReal);
      const twiddleReal = this.twiddleReal[bin]!;
      const twiddleImaginary = this.twiddleImaginary[bin]!;
      real[bin] = evenReal + oddReal * twiddleReal - oddImaginary * twiddleImaginary;
      imaginary[bin] = evenImaginary + oddReal * twiddleImaginary + oddImaginary * twiddleReal;
    }
  }

  /** Signal (length N, scaled by 1/N) from the half spectrum; the inverse of `forward`. */
  inverse(real: Float64Array, imaginary: Float64Array, output: Float64Array): void {
    const half = this.size / 2;
    const workReal = this.workReal;
    const workImaginary = this.workImaginary;
    for (let bin = 0; bin < half; bin++) {
      const xReal = real[bin]!;
      const xImaginary = imaginary[bin]!;
      const mirrorReal = real[half - bin]!;
      const mirrorImaginary = -imaginary[half - bin]!;
      const evenReal = 0.5 * (xReal + mirrorReal);
      const evenImaginary = 0.5 * (xImaginary + mirrorImaginary);
      const differenceReal = 0.5 * (xReal - mirrorReal);
      const differenceImaginary = 0.5 * (xImaginary - mirrorImaginary);
      // multiply by conj(twiddle) to undo the forward rotation
      const twiddleReal = this.twiddleReal[bin]!;
      const twiddleImaginary = -this.twiddleImaginary[bin]!;
      const oddReal = differenceReal * twiddleReal - differenceImaginary * twiddleImaginary;
      const oddImaginary = differenceReal * twiddleImaginary + differenceImaginary * twiddleReal;
      workReal[bin] = evenReal - oddImaginary;
      workImaginary[bin] = evenImaginary + oddReal;
    }
    this.half.transform(workReal, workImaginary, true);
    const scale = 1 / half;
    for (let index = 0; index < half; index++) {
      output[2 * index] = workReal[index]! * scale;
      output[2 * index + 1] = workImaginary[index]! * scale;
    }
  }
}
