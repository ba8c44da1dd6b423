import { RealFft } from "./fft.ts";

/** STFT geometry shared by the spectral stages: 1024-sample Hann frames (21 ms at 48 kHz), 75% overlap. */
export const stftFrameSize = 1024;
export const stftHop = 256;

/** Called with each frame's half spectrum; a processing visitor edits it in place. */
export type FrameVisitor = (real: Float64Array, imaginary: Float64Array, frameIndex: number) => void;

/** Periodic Hann window: at 75% overlap its squares sum to a constant, so overlap-add is exact. */
export function hannWindow(size: number): Float64Array {
  return new Float64Array(size).map((_, index) => 0.5 - 0.5 * Math.cos((2 * Math.PI * index) / size));
}

/**
 * The signal is read as if padded with a full frame of zeros on both sides, so every sample gets
 * the same window overlap and the resynthesised output lines up with the input to the sample:
 * the STFT stage adds no delay to compensate.
 */
export function frameCount(length: number, frameSize: number, hop: number): number {
  return Math.floor((length + frameSize - 1) / hop) + 1;
}

/** Centre of frame `frameIndex` in samples of the unpadded signal (may be negative at the start). */
export function frameCentre(frameIndex: number, frameSize = stftFrameSize, hop = stftHop): number {
  return frameIndex * hop + frameSize / 2 - frameSize;
}

/** The windowed frame starting at `start` (zeros outside the signal). */
export function readFrame(
  signal: Float32Array,
  start: number,
  window: Float64Array,
  frame: Float64Array,
): void {
  const size = window.length;
  if (start >= 0 && start + size <= signal.length) {
    for (let index = 0; index < size; index++) frame[index] = signal[start + index]! * window[index]!;
    return;
  }
  for (let index = 0; index < size; index++) {
    const position = start + index;
    frame[index] = position >= 0 && position < signal.length ? signal[position]! * window[index]! : 0;
  }
}

/** Visits the spectrum of every frame without resynthesis (for measurement). */
export function analyseFrames(
  signal: Float32Array,
  visit: FrameVisitor,
  options: { frameSize?: number; hop?: number } = {},
): number {
  const frameSize = options.frameSize ?? stftFrameSize;
  const hop = options.hop ?? stftHop;
  const fft = new RealFft(frameSize);
  const window = hannWindow(frameSize);
  const frame = new Float64Array(frameSize);
  const real = new Float64Array(fft.bins);
  const imaginary = new Float64Array(fft.bins);
  const frames = frameCount(signal.length, frameSize, hop);
  for (let frameIndex = 1; frameIndex < frames; frameIndex++) {
    readFrame(signal, frameIndex * hop - frameSize, window, frame);
    fft.forward(frame, real, imaginary);
    visit(real, imaginary, frameIndex);
  }
  return frames;
}

/**
 * Short-time Fourier processing with weighted overlap-add (Hann analysis and synthesis windows).
 * Returns a new signal of the same length; with an identity visitor it equals the input to float
 * rounding.
 */
export function processFrames(signal: Float32Array, visit: FrameVisitor): Float32Array {
  const frameSize = stftFrameSize;
  const hop = stftHop;
  const fft = new RealFft(frameSize);
  const window = hannWindow(frameSize);
  let overlapGain = 0;
  for (let offset = 0; offset < frameSize; offset += hop) overlapGain += window[offset]! ** 2;
  const synthesis = window.map((value) => value / overlapGain);
  const frame = new Float64Array(frameSize);
  const real = new Float64Array(fft.bins);
  const imaginary = new Float64Array(fft.bins);
  const output = new Float32Array(signal.length);
  const frames = frameCount(signal.length, frameSize, hop);
  for (let frameIndex = 1; frameIndex < frames; frameIndex++) {
    const start = frameIndex * hop - frameSize;
    readFrame(signal, start, window, frame);
    fft.forward(frame, real, imaginary);
    visit(real, imaginary, frameIndex);
    fft.inverse(real, imaginary, frame);
    const first = Math.max(0, -start);
    const last = Math.min(frameSize, signal.length - start);
    for (let index = first; index < last; index++)
      output[start + index]! += frame[index]! * synthesis[index]!;
  }
  return output;
}
