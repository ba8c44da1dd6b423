const blockSize = 4096;
const order = 16;
/** Clicks longer than this are not clicks (they are transients of the programme) and are left alone. */
const longestClick = 96;

/** Linear-prediction coefficients by the autocorrelation method and Levinson–Durbin recursion. */
function predictor(block: Float32Array): Float64Array {
  const correlation = new Float64Array(order + 1);
  for (let lag = 0; lag <= order; lag++) {
    let sum = 0;
    for (let index = lag; index < block.length; index++) sum += block[index]! * block[index - lag]!;
    correlation[lag] = sum;
  }
  correlation[0]! *= 1 + 1e-9;
  correlation[0]! += 1e-20;
  const coefficients = new Float64Array(order + 1);
  let error = correlation[0]!;
  for (let step = 1; step <= order; step++) {
    let reflection = correlation[step]!;
    for (let index = 1; index < step; index++)
      reflection -= coefficients[index]! * correlation[step - index]!;
    reflection /= error;
    const previous = coefficients.slice();
    coefficients[step] = reflection;
    for (let index = 1; index < step; index++)
      coefficients[index] = previous[index]! - reflection * previous[step - index]!;
    error *= 1 - reflection * reflection;
  }
  return coefficients;
}

function predictForward(signal: Float32Array, coefficients: Float64Array, position: number): number {
  let value = 0;
  for (let index = 1; index <= order; index++)
    value += coefficients[index]! * (signal[position - index] ?? 0);
  return value;
}

/** Re-synthesises a gap from both sides with the block's predictor, cross-fading the two guesses. */
function repair(signal: Float32Array, first: number, length: number, coefficients: Float64Array): void {
  const forward = new Float64Array(order + length);
  for (let index = 0; index < order; index++) forward[index] = signal[first - order + index] ?? 0;
  for (let step = 0; step < length; step++) {
    let value = 0;
    for (let index = 1; index <= order; index++)
      value += coefficients[index]! * forward[order + step - index]!;
    forward[order + step] = value;
  }
  // an AR process has a symmetric autocorrelation, so the same predictor runs backwards in time
  const backward = new Float64Array(length + order);
  for (let index = 0; index < order; index++) backward[length + index] = signal[first + length + index] ?? 0;
  for (let step = length - 1; step >= 0; step--) {
    let value = 0;
    for (let index = 1; index <= order; index++) value += coefficients[index]! * backward[step + index]!;
    backward[step] = value;
  }
  for (let step = 0; step < length; step++) {
    const weight = (step + 1) / (length + 1);
    signal[first + step] = (1 - weight) * forward[order + step]! + weight * backward[step]!;
  }
}

/** Marks samples whose prediction error is an outlier against the block's robust spread. */
function findClicks(
  signal: Float32Array,
  start: number,
  end: number,
  coefficients: Float64Array,
  factor: number,
): Uint8Array {
  const residual = new Float64Array(end - start);
  for (let position = start; position < end; position++) {
    residual[position - start] = Math.abs(signal[position]! - predictForward(signal, coefficients, position));
  }
  const sorted = Float64Array.from(residual).sort();
  const spread = 1.4826 * (sorted[Math.floor(sorted.length / 2)] ?? 0) + 1e-9;
  const marks = new Uint8Array(end - start);
  for (let index = 0; index < residual.length; index++) {
    if (residual[index]! > factor * spread) {
      for (let near = Math.max(0, index - 2); near < Math.min(marks.length, index + 6); near++)
        marks[near] = 1;
    }
  }
  return marks;
}

/**
 * Removes clicks and crackle from one channel: each 85 ms block gets an order-16 linear predictor;
 * samples whose prediction error stands out (beyond 10…5 robust deviations as strength rises) are
 * re-synthesised by predicting forwards from the left and backwards from the right and
 * cross-fading the two. Samples are replaced where they stand, so nothing moves in time.
 */
export function removeClicks(
  signal: Float32Array,
  strength: number,
): { output: Float32Array; repaired: number } {
  const output = new Float32Array(signal);
  const factor = 10 - 5 * strength;
  let repaired = 0;
  for (let start = order; start < output.length - order; start += blockSize) {
    const end = Math.min(output.length - order, start + blockSize);
    const coefficients = predictor(output.subarray(start - order, end));
    const marks = findClicks(output, start, end, coefficients, factor);
    let index = 0;
    while (index < marks.length) {
      if (!marks[index]) {
        index++;
        continue;
      }
      let last = index;
      while (last + 1 < marks.length && marks[last + 1]) last++;
      const length = last - index + 1;
      if (length <= longestClick) {
        repair(output, start + index, length, coefficients);
        repaired += length;
      }
      index = last + 1;
    }
  }
  return { output, repaired };
}
