/**
 * Radix-2 FFTs on Float64Arrays. `ComplexFft` is the iterative Cooley–Tukey transform;
 * `RealFft` packs a real signal of size N into a complex one of size N/2, which halves the work
 * of every STFT stage in the cleaning chain.
 */
export class ComplexFft {
  readonly size: number;
  /** Twiddles of the stage with half-length h at [h, 2h): contiguous, so butterflies read in order. */
  private readonly cosTable: Float64Array;
  private readonly sinTable: Float64Array;
  /** Index pairs the bit-reversal permutation swaps, flattened. */
  private readonly swaps: Uint32Array;

  constructor(size: number) {
    if (size < 2 || (size & (size - 1)) !== 0)
      throw new RangeError(`FFT size must be a power of two: ${size}`);
    this.size = size;
    this.cosTable = new Float64Array(size);
    this.sinTable = new Float64Array(size);
    for (let half = 1; half < size; half *= 2) {
      for (let offset = 0; offset < half; offset++) {
        this.cosTable[half + offset] = Math.cos((Math.PI * offset) / half);
        this.sinTable[half + offset] = -Math.sin((Math.PI * offset) / half);
      }
    }
    const bits = Math.log2(size);
    const swaps: number[] = [];
    for (let index = 0; index < size; index++) {
      let reversed = 0;
      for (let bit = 0; bit < bits; bit++) reversed |= ((index >> bit) & 1) << (bits - 1 - bit);
      if (reversed > index) swaps.push(index, reversed);
    }
    this.swaps = Uint32Array.from(swaps);
  }

  /**
   * In-place forward transform (e^{-2πikn/N}); `inverse` conjugates, unscaled. The inverse is the
   * forward transform with real and imaginary parts exchanged on the way in and out.
   */
  transform(real: Float64Array, imaginary: Float64Array, inverse = false): void {
    if (inverse) this.forward(imaginary, real);
    else this.forward(real, imaginary);
  }

  private forward(real: Float64Array, imaginary: Float64Array): void {
    const size = this.size;
    const swaps = this.swaps;
    for (let pair = 0; pair < swaps.length; pair += 2) {
      const a = swaps[pair]!;
      const b = swaps[pair + 1]!;
      const swapReal = real[a]!;
      real[a] = real[b]!;
      real[b] = swapReal;
      const swapImaginary = imaginary[a]!;
      imaginary[a] = imaginary[b]!;
      imaginary[b] = swapImaginary;
    }
    // the length-2 stage has only the twiddle 1
    for (let even = 0; even < size; even += 2) {
      const odd = even + 1;
      const oddReal = real[odd]!;
      const oddImaginary = imaginary[odd]!;
      const evenReal = real[even]!;
      const evenImaginary = imaginary[even]!;
      real[odd] = evenReal - oddReal;
      imaginary[odd] = evenImaginary - oddImaginary;
      real[even] = evenReal + oddReal;
      imaginary[even] = evenImaginary + oddImaginary;
    }
    const cosTable = this.cosTable;
    const sinTable = this.sinTable;
    for (let half = 2; half < size; half *= 2) {
      const length = half * 2;
      for (let start = 0; start < size; start += length) {
        for (let offset = 0; offset < half; offset++) {
          const twiddleReal = cosTable[half + offset]!;
          const twiddleImaginary = sinTable[half + offset]!;
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
