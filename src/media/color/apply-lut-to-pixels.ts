import type { Lut3d } from "./lut.ts";

/** Interleaved 8- or 16-bit pixels as sharp's `.raw()` returns them. */
export type PixelBuffer = {
  data: Uint8Array | Uint16Array;
  width: number;
  height: number;
  /** 3 (RGB) or 4 (RGBA; alpha is left untouched). */
  channels: 3 | 4;
};

/**
 * Per code value of one channel: the lattice cell's offset into the LUT data, the step to the next
 * lattice point along that channel (0 at the top) and the fraction inside the cell. Computed once per
 * image, so the per-pixel loop does no division, clamping or flooring.
 */
function channelTables(lut: Lut3d, maximum: number, channel: 0 | 1 | 2) {
  const stride = channel === 0 ? 3 : channel === 1 ? lut.size * 3 : lut.size * lut.size * 3;
  const offsets = new Int32Array(maximum + 1);
  const steps = new Int32Array(maximum + 1);
  const fractions = new Float32Array(maximum + 1);
  const min = lut.domainMin[channel];
  const last = lut.size - 1;
  const scale = last / (lut.domainMax[channel] - min);
  for (let code = 0; code <= maximum; code++) {
    const scaled = Math.min(last, Math.max(0, (code / maximum - min) * scale));
    const index = Math.floor(scaled);
    offsets[code] = index * stride;
    steps[code] = index < last ? stride : 0;
    fractions[code] = scaled - index;
  }
  return { offsets, steps, fractions };
}

/**
 * Applies a LUT to interleaved RGB(A) pixels with tetrahedral interpolation (the six-tetrahedron split
 * of ffmpeg's `lut3d`, as `sampleLattice`, inlined here for speed) and returns new pixels of the same
 * depth, rounded to the nearest code value.
 */
export function applyLutToPixels(pixels: PixelBuffer, lut: Lut3d): PixelBuffer {
  const { data, channels } = pixels;
  const table = lut.data;
  const maximum = data instanceof Uint16Array ? 65535 : 255;
  const output = data instanceof Uint16Array ? new Uint16Array(data.length) : new Uint8Array(data.length);
  const red = channelTables(lut, maximum, 0);
  const green = channelTables(lut, maximum, 1);
  const blue = channelTables(lut, maximum, 2);
  for (let offset = 0; offset < data.length; offset += channels) {
    const r = data[offset]!;
    const g = data[offset + 1]!;
    const b = data[offset + 2]!;
    const dr = red.fractions[r]!;
    const dg = green.fractions[g]!;
    const db = blue.fractions[b]!;
    const stepR = red.steps[r]!;
    const stepG = green.steps[g]!;
    const stepB = blue.steps[b]!;
    const c000 = red.offsets[r]! + green.offsets[g]! + blue.offsets[b]!;
    const c111 = c000 + stepR + stepG + stepB;
    let first: number;
    let second: number;
    let w0: number;
    let w1: number;
    let w2: number;
    let w3: number;
    if (dr > dg) {
      if (dg > db) {
        first = c000 + stepR;
        second = first + stepG;
        w0 = 1 - dr;
        w1 = dr - dg;
        w2 = dg - db;
        w3 = db;
      } else if (dr > db) {
        first = c000 + stepR;
        second = first + stepB;
        w0 = 1 - dr;
        w1 = dr - db;
        w2 = db - dg;
        w3 = dg;
      } else {
        first = c000 + stepB;
        second = first + stepR;
        w0 = 1 - db;
        w1 = db - dr;
        w2 = dr - dg;
        w3 = dg;
      }
    } else if (db > dg) {
      first = c000 + stepB;
      second = first + stepG;
      w0 = 1 - db;
      w1 = db - dg;
      w2 = dg - dr;
      w3 = dr;
    } else if (db > dr) {
      first = c000 + stepG;
      second = first + stepB;
      w0 = 1 - dg;
      w1 = dg - db;
      w2 = db - dr;
      w3 = dr;
    } else {
      first = c000 + stepG;
      second = first + stepR;
      w0 = 1 - dg;
      w1 = dg - dr;
      w2 = dr - db;
      w3 = db;
    }
    for (let channel = 0; channel < 3; channel++) {
      const value =
        (w0 * table[c000 + channel]! +
          w1 * table[first + channel]! +
          w2 * table[second + channel]! +
          w3 * table[c111 + channel]!) *
          maximum +
        0.5;
      output[offset + channel] = Math.min(maximum, Math.max(0, value));
    }
    if (channels === 4) output[offset + 3] = data[offset + 3]!;
  }
  return { data: output, width: pixels.width, height: pixels.height, channels };
}
