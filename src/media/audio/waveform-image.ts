import sharp from "sharp";
import type { WaveformJson } from "./waveform.ts";

export type WaveformImageOptions = { width: number; height: number; color: [number, number, number] };

/** Renders peaks as a PNG: channels stacked, each a filled min/max band on a dark background. */
export async function waveformPng(waveform: WaveformJson, options: WaveformImageOptions): Promise<Buffer> {
  const { width, height, color } = options;
  const pixels = Buffer.alloc(width * height * 4);
  for (let index = 0; index < width * height; index++) pixels.writeUInt32BE(0x16181dff, index * 4);
  const laneHeight = height / waveform.channels;
  for (let column = 0; column < width; column++) {
    const first = Math.floor((column * waveform.length) / width);
    const last = Math.max(first + 1, Math.floor(((column + 1) * waveform.length) / width));
    for (let channel = 0; channel < waveform.channels; channel++) {
      let minimum = 0;
      let maximum = 0;
      for (let pixel = first; pixel < Math.min(last, waveform.length); pixel++) {
        const slot = (pixel * waveform.channels + channel) * 2;
        minimum = Math.min(minimum, waveform.data[slot]!);
        maximum = Math.max(maximum, waveform.data[slot + 1]!);
      }
      const middle = laneHeight * (channel + 0.5);
      const top = Math.floor(middle - (maximum / 128) * (laneHeight / 2));
      const bottom = Math.ceil(middle - (minimum / 128) * (laneHeight / 2));
      for (let row = Math.max(0, top); row <= Math.min(height - 1, bottom); row++) {
        const offset = (row * width + column) * 4;
        pixels[offset] = color[0];
        pixels[offset + 1] = color[1];
        pixels[offset + 2] = color[2];
      }
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
}
