/** A second-order IIR section in direct form (a0 normalised to 1). */
export type Biquad = { b0: number; b1: number; b2: number; a1: number; a2: number };

/** RBJ-cookbook high-pass (Butterworth when q = 1/√2). */
export function highPass(frequency: number, sampleRate: number, q = Math.SQRT1_2): Biquad {
  const omega = (2 * Math.PI * frequency) / sampleRate;
  const alpha = Math.sin(omega) / (2 * q);
  const cosine = Math.cos(omega);
  const a0 = 1 + alpha;
  return {
    b0: (1 + cosine) / 2 / a0,
    b1: -(1 + cosine) / a0,
    b2: (1 + cosine) / 2 / a0,
    a1: (-2 * cosine) / a0,
    a2: (1 - alpha) / a0,
  };
}

/** RBJ-cookbook notch at `frequency` with the given -3 dB bandwidth in hertz. */
export function notch(frequency: number, bandwidth: number, sampleRate: number): Biquad {
  const omega = (2 * Math.PI * frequency) / sampleRate;
  const alpha = Math.sin(omega) / (2 * (frequency / bandwidth));
  const cosine = Math.cos(omega);
  const a0 = 1 + alpha;
  return { b0: 1 / a0, b1: (-2 * cosine) / a0, b2: 1 / a0, a1: (-2 * cosine) / a0, a2: (1 - alpha) / a0 };
}

function runCascade(signal: Float32Array, sections: Biquad[], backwards: boolean): void {
  const count = sections.length;
  const state1 = new Float64Array(count);
  const state2 = new Float64Array(count);
  const length = signal.length;
  for (let step = 0; step < length; step++) {
    const position = backwards ? length - 1 - step : step;
    let value = signal[position]!;
    for (let index = 0; index < count; index++) {
      const section = sections[index]!;
      // transposed direct form II: numerically steady for the narrow notches
      const output = section.b0 * value + state1[index]!;
      state1[index] = section.b1 * value - section.a1 * output + state2[index]!;
      state2[index] = section.b2 * value - section.a2 * output;
      value = output;
    }
    signal[position] = value;
  }
}

/**
 * Filters forwards then backwards (like MATLAB's filtfilt): the magnitude response is squared and
 * the phase cancels, so the stage adds no delay and the output stays sample-aligned.
 */
export function filterZeroPhase(signal: Float32Array, sections: Biquad[]): Float32Array {
  const output = new Float32Array(signal);
  if (sections.length === 0) return output;
  runCascade(output, sections, false);
  runCascade(output, sections, true);
  return output;
}
