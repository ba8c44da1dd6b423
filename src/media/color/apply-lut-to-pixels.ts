import type { Lut3d } from "./lut.ts";
import { sampleLattice } from "./tetrahedral.ts";

/** Interleaved 8- or 16-bit pixels as sharp's `.raw()` returns them. */
export type PixelBuffer = {
  data: Uint8Array | Uint16Array;
  width: number;
  height: number;
  /** 3 (RGB) or 4 (RGBA; alpha is left untouched). */
  channels: 3 | 4;
};

/** Lattice coordinate of every code value, per channel: computed once, not once per pixel. */
function latticeTable(lut: Lut3d, maximum: number, channel: 0 | 1 | 2): Float32Array {
  const table = new Float32Array(maximum + 1);
  const min = lut.domainMin[channel];
  const scale = (lut.size - 1) / (lut.domainMax[channel] - min);
  for (let code = 0; code <= maximum; code++) {
    const scaled = (code / maximum - min) * scale;
    table[code] = scaled < 0 ? 0 : scaled > lut.size - 1 ? lut.size - 1 : scaled;
  }
  return table;
}

/**
 * Applies a LUT to interleaved RGB(A) pixels with tetrahedral interpolation and returns new pixels
 * of the same depth, rounded to the nearest code value.
 */
export function applyLutToPixels(pixels: PixelBuffer, lut: Lut3d): PixelBuffer {
  const { data, channels } = pixels;
  const maximum = data instanceof Uint16Array ? 65535 : 255;
  const output = data instanceof Uint16Array ? new Uint16Array(data.length) : new Uint8Array(data.length);
  const tables = [latticeTable(lut, maximum, 0), latticeTable(lut, maximum, 1), latticeTable(lut, maximum, 2)] as const;
  const color: [number, number, number] = [0, 0, 0];
  for (let offset = 0; offset < data.length; offset += channels) {
    sampleLattice(lut, tables[0][data[offset]!]!, tables[1][data[offset + 1]!]!, tables[2][data[offset + 2]!]!, color);
    for (let channel = 0; channel < 3; channel++) {
      const value = color[channel]! * maximum + 0.5;
      output[offset + channel] = value <= 0 ? 0 : value >= maximum ? maximum : value;
    }
    if (channels === 4) output[offset + 3] = data[offset + 3]!;
  }
  return { data: output, width: pixels.width, height: pixels.height, channels };
}
