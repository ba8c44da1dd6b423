/** Oversampling factor of the true-peak meter (ITU-R BS.1770-4 asks for at least 4× at 48 kHz). */
const factor = 4;
const tapsPerPhase = 16;

/** Polyphase windowed-sinc interpolator: phase p estimates x at n + p/4 from x[n-7 … n+8]. */
const phases: Float64Array[] = Array.from({ length: factor - 1 }, (_, phaseIndex) => {
  const fraction = (phaseIndex + 1) / factor;
  const taps = new Float64Array(tapsPerPhase);
  let sum = 0;
  for (let tap = 0; tap < tapsPerPhase; tap++) {
    const distance = tap - (tapsPerPhase / 2 - 1) - fraction;
    const sinc = distance === 0 ? 1 : Math.sin(Math.PI * distance) / (Math.PI * distance);
    const window = 0.5 + 0.5 * Math.cos((Math.PI * distance) / (tapsPerPhase / 2 + 1));
    taps[tap] = sinc * window;
    sum += taps[tap]!;
  }
  return taps.map((value) => value / sum);
});

/** The largest interpolated magnitude between sample `position` and the next one. */
export function interSamplePeak(signal: Float32Array, position: number): number {
  const first = position - (tapsPerPhase / 2 - 1);
  if (first < 0 || first + tapsPerPhase > signal.length) return edgePeak(signal, position, first);
  let peak = Math.abs(signal[position]!);
  for (let phase = 0; phase < phases.length; phase++) {
    const taps = phases[phase]!;
    let value = 0;
    for (let tap = 0; tap < tapsPerPhase; tap++) value += taps[tap]! * signal[first + tap]!;
    const magnitude = Math.abs(value);
    if (magnitude > peak) peak = magnitude;
  }
  return peak;
}

/** `interSamplePeak` near the ends, where the taps reach past the signal (read as zeros). */
function edgePeak(signal: Float32Array, position: number, first: number): number {
  let peak = Math.abs(signal[position] ?? 0);
  for (const taps of phases) {
    let value = 0;
    for (let tap = 0; tap < tapsPerPhase; tap++) value += taps[tap]! * (signal[first + tap] ?? 0);
    peak = Math.max(peak, Math.abs(value));
  }
  return peak;
}

/**
 * Per-sample true-peak envelope of a channel. Interpolation is only computed where the sample
 * peaks come within 6 dB of `threshold`: inter-sample overs of programme material stay well under
 * 6 dB, and skipping the rest makes the meter cheap enough to run on every pass of the limiter.
 */
export function truePeakEnvelope(signal: Float32Array, threshold: number): Float32Array {
  const envelope = new Float32Array(signal.length);
  const near = threshold / 2;
  const last = signal.length - 1;
  let here = Math.abs(signal[0] ?? 0);
  for (let position = 0; position < signal.length; position++) {
    const next = position < last ? Math.abs(signal[position + 1]!) : 0;
    envelope[position] = here >= near || next >= near ? interSamplePeak(signal, position) : here;
    here = next;
  }
  return envelope;
}

/** Highest true peak of one channel, given a level it is known to reach (its sample peak). */
function channelTruePeak(signal: Float32Array, samplePeak: number): number {
  // an inter-sample over stays within 6 dB of its neighbours, so only loud pairs are interpolated
  const near = samplePeak / 2;
  const last = signal.length - 1;
  let peak = samplePeak;
  let here = Math.abs(signal[0] ?? 0);
  for (let position = 0; position < signal.length; position++) {
    const next = position < last ? Math.abs(signal[position + 1]!) : 0;
    if (here >= near || next >= near) {
      const value = interSamplePeak(signal, position);
      if (value > peak) peak = value;
    }
    here = next;
  }
  return peak;
}

/** Highest true peak of the channels, linear (1 = 0 dBTP). */
export function truePeak(channels: Float32Array[]): number {
  let samplePeak = 0;
  for (const channel of channels)
    for (let index = 0; index < channel.length; index++) {
      const magnitude = Math.abs(channel[index]!);
      if (magnitude > samplePeak) samplePeak = magnitude;
    }
  let peak = samplePeak;
  for (const channel of channels) peak = Math.max(peak, channelTruePeak(channel, samplePeak));
  return peak;
}
