/**
 * Radix-2 FFTs on Float64Arrays. `ComplexFft` is the iterative Cooley–Tukey transform;
 * `RealFft` packs a real signal of size N into a complex one of size N/2, which halves the work
 * of every STFT stage in the cleaning chain.
 */
export class ComplexFft {
  readonly size: number;
  /**
   * Twiddles of each radix-4 pass (two radix-2 stages at once), six numbers per butterfly:
   * w = e^{-iπk/h}, v = e^{-iπk/2h} and their product, for half-length h and k < h.
   */
  private readonly twiddles: Float64Array[];
  /** Half-length of the first radix-4 pass: 1, or 2 when a radix-2 stage goes first (odd log2). */
  private readonly firstHalf: number;
  /** Index pairs the bit-reversal permutation swaps, flattened. */
  private readonly swaps: Uint32Array;

  constructor(size: number) {
    if (size < 2 || (size & (size - 1)) !== 0)
      throw new RangeError(`FFT size must be a power of two: ${size}`);
    this.size = size;
    const bits = Math.log2(size);
    this.firstHalf = bits % 2 === 1 ? 2 : 1;
    this.twiddles = [];
    for (let half = this.firstHalf; half * 4 <= size; half *= 4) {
      const table = new Float64Array(half * 6);
      for (let offset = 0; offset < half; offset++) {
        const w = (-Math.PI * offset) / half;
        const v = w / 2;
        table.set(
          [Math.cos(w), Math.sin(w), Math.cos(v), Math.sin(v), Math.cos(w + v), Math.sin(w + v)],
          offset * 6,
        );
      }
      this.twiddles.push(table);
    }
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
    if (this.firstHalf === 2) {
      // odd number of stages: one radix-2 stage (twiddle 1) first
      for (let even = 0; even < size; even += 2) {
        const odd = even + 1;
        const oddReal = real[odd]!;
        const oddImaginary = imaginary[odd]!;
        real[odd] = real[even]! - oddReal;
        imaginary[odd] = imaginary[even]! - oddImaginary;
        real[even]! += oddReal;
        imaginary[even]! += oddImaginary;
      }
    }
    // each pass fuses the stages of half-length h and 2h: with the inputs in bit-reversed order,
    // a0 + w·a1 ± (v·a2 + vw·a3) and a0 − w·a1 ∓ i·(v·a2 − vw·a3)
    let half = this.firstHalf;
    for (const table of this.twiddles) {
      const length = half * 4;
      for (let start = 0; start < size; start += length) {
        for (let offset = 0; offset < half; offset++) {
          const t = offset * 6;
          const wReal = table[t]!;
          const wImaginary = table[t + 1]!;
          const vReal = table[t + 2]!;
          const vImaginary = table[t + 3]!;
          const uReal = table[t + 4]!;
          const uImaginary = table[t + 5]!;
          const i0 = start + offset;
          const i1 = i0 + half;
          const i2 = i1 + half;
          const i3 = i2 + half;
          const a1Real = real[i1]!;
          const a1Imaginary = imaginary[i1]!;
          const a2Real = real[i2]!;
          const a2Imaginary = imaginary[i2]!;
          const a3Real = real[i3]!;
          const a3Imaginary = imaginary[i3]!;
          const p1Real = a1Real * wReal - a1Imaginary * wImaginary;
          const p1Imaginary = a1Real * wImaginary + a1Imaginary * wReal;
          const p2Real = a2Real * vReal - a2Imaginary * vImaginary;
          const p2Imaginary = a2Real * vImaginary + a2Imaginary * vReal;
          const p3Real = a3Real * uReal - a3Imaginary * uImaginary;
          const p3Imaginary = a3Real * uImaginary + a3Imaginary * uReal;
          const a0Real = real[i0]!;
          const a0Imaginary = imaginary[i0]!;
          const sumReal = a0Real + p1Real;
          const sumImaginary = a0Imaginary + p1Imaginary;
          const differenceReal = a0Real - p1Real;
          const differenceImaginary = a0Imaginary - p1Imaginary;
          const upperReal = p2Real + p3Real;
          const upperImaginary = p2Imaginary + p3Imaginary;
          const lowerReal = p2Real - p3Real;
          const lowerImaginary = p2Imaginary - p3Imaginary;
          real[i0] = sumReal + upperReal;
          imaginary[i0] = sumImaginary + upperImaginary;
          real[i2] = sumReal - upperReal;
          imaginary[i2] = sumImaginary - upperImaginary;
          // −i·(x + iy) = y − ix
          real[i1] = differenceReal + lowerImaginary;
          imaginary[i1] = differenceImaginary - lowerReal;
          real[i3] = differenceReal - lowerImaginary;
          imaginary[i3] = differenceImaginary + lowerReal;
        }
      }
      half *= 4;
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
    // bins 0 and N/2 both come from z[0]: the sum and the difference of its parts
    real[0] = workReal[0]! + workImaginary[0]!;
    imaginary[0] = 0;
    real[half] = workReal[0]! - workImaginary[0]!;
    imaginary[half] = 0;
    const twiddleReals = this.twiddleReal;
    const twiddleImaginaries = this.twiddleImaginary;
    for (let bin = 1; bin < half; bin++) {
      const zReal = workReal[bin]!;
      const zImaginary = workImaginary[bin]!;
      const mirrorReal = workReal[half - bin]!;
      const mirrorImaginary = -workImaginary[half - bin]!;
      const evenReal = 0.5 * (zReal + mirrorReal);
      const evenImaginary = 0.5 * (zImaginary + mirrorImaginary);
      // (z - conj(mirror)) / 2i
      const oddReal = 0.5 * (zImaginary - mirrorImaginary);
      const oddImaginary = -0.5 * (zReal - mirrorReal);
      const twiddleReal = twiddleReals[bin]!;
      const twiddleImaginary = twiddleImaginaries[bin]!;
      real[bin] = evenReal + oddReal * twiddleReal - oddImaginary * twiddleImaginary;
      imaginary[bin] = evenImaginary + oddReal * twiddleImaginary + oddImaginary * twiddleReal;
    }
  }

  /** Signal (length N, scaled by 1/N) from the half spectrum; the inverse of `forward`. */
  inverse(real: Float64Array, imaginary: Float64Array, output: Float64Array): void {
    const half = this.size / 2;
    const workReal = this.workReal;
    const workImaginary = this.workImaginary;
    const twiddleReals = this.twiddleReal;
    const twiddleImaginaries = this.twiddleImaginary;
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
      const twiddleReal = twiddleReals[bin]!;
      const twiddleImaginary = -twiddleImaginaries[bin]!;
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
