/** Peaks in the audiowaveform JSON format, version 2 (read by peaks.js and wavesurfer.js). */
export type WaveformJson = {
  version: 2;
  channels: number;
  sample_rate: number;
  samples_per_pixel: number;
  bits: 8;
  length: number;
  /** Per pixel, per channel: min then max, as signed 8-bit values. */
  data: number[];
};

/** Zoom levels written by default: from about 5 ms to about 0.7 s per pixel at 48 kHz. */
export const defaultZoomLevels = [256, 1024, 4096, 32768];

const toEightBit = (value: number) => Math.max(-128, Math.min(127, Math.round(value * 127)));

/** Min/max peaks of every `samplesPerPixel` samples, per channel, interleaved as audiowaveform does. */
export function waveformPeaks(
  channels: Float32Array[],
  sampleRate: number,
  samplesPerPixel: number,
): WaveformJson {
  const frames = channels[0]?.length ?? 0;
  const length = Math.ceil(frames / samplesPerPixel);
  const data = new Array<number>(length * channels.length * 2);
  for (let pixel = 0; pixel < length; pixel++) {
    const start = pixel * samplesPerPixel;
    const end = Math.min(frames, start + samplesPerPixel);
    channels.forEach((channel, channelIndex) => {
      let minimum = 0;
      let maximum = 0;
      for (let index = start; index < end; index++) {
        const value = channel[index]!;
        if (value < minimum) minimum = value;
        if (value > maximum) maximum = value;
      }
      const slot = (pixel * channels.length + channelIndex) * 2;
      data[slot] = toEightBit(minimum);
      data[slot + 1] = toEightBit(maximum);
    });
  }
  return {
    version: 2,
    channels: channels.length,
    sample_rate: sampleRate,
    samples_per_pixel: samplesPerPixel,
    bits: 8,
    length,
    data,
  };
}
