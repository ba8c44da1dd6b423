import { type Lut3d, latticeOffset } from "./lut.ts";

/** An RGB result, written in place so the per-pixel loops allocate nothing. */
export type Rgb = [number, number, number];

// The kernel only ever writes a Float64Array, so its inlined stores stay monomorphic in both callers.
const sampled = new Float64Array(3);

/**
 * The tetrahedral interpolation kernel, shared by both CPU paths below (`sampleLut` for one colour,
 * `applyLutToPixels` for images) and mirrored by the WebGL shader (`lutPreviewGlsl`): the same
 * six-tetrahedron split as ffmpeg's `lut3d` and Resolve, so that stills, video and the browser preview agree.
 *
 * The cell is given as offsets into `data`: `c000` is its lower corner, `stepR`/`stepG`/`stepB` the
 * distance to the next lattice point along each channel (0 at the top of the lattice), `dr`/`dg`/`db`
 * the position inside the cell (0–1). Positional rather than one object because it runs per pixel. It must
 * stay small enough for V8 to inline it into `applyLutToPixels` (460 bytes of bytecode): with the channel
 * sums unrolled it was not inlined and the 4K still took 1.5× as long; hence the channel loop.
 */
function interpolateCell(
  data: Float32Array,
  c000: number,
  stepR: number,
  stepG: number,
  stepB: number,
  dr: number,
  dg: number,
  db: number,
  out: Float64Array,
): void {
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
    out[channel] =
      w0 * data[c000 + channel]! +
      w1 * data[first + channel]! +
      w2 * data[second + channel]! +
      w3 * data[c111 + channel]!;
  }
}

/** Samples a LUT at lattice coordinates (0 … size − 1 per channel, already clamped). */
export function sampleLattice(lut: Lut3d, r: number, g: number, b: number, out: Rgb): void {
  const { size, data } = lut;
  const r0 = Math.floor(r);
  const g0 = Math.floor(g);
  const b0 = Math.floor(b);
  interpolateCell(
    data,
    latticeOffset(size, r0, g0, b0),
    r0 < size - 1 ? 3 : 0,
    g0 < size - 1 ? size * 3 : 0,
    b0 < size - 1 ? size * size * 3 : 0,
    r - r0,
    g - g0,
    b - b0,
    sampled,
  );
  out[0] = sampled[0]!;
  out[1] = sampled[1]!;
  out[2] = sampled[2]!;
}

function toLattice(lut: Lut3d, value: number, channel: 0 | 1 | 2): number {
  const min = lut.domainMin[channel];
  const scaled = ((value - min) / (lut.domainMax[channel] - min)) * (lut.size - 1);
  return scaled < 0 ? 0 : Math.min(scaled, lut.size - 1);
}

/** Applies a LUT to one colour (inputs outside the domain are clamped to it). */
export function sampleLut(lut: Lut3d, r: number, g: number, b: number, out: Rgb): void {
  sampleLattice(lut, toLattice(lut, r, 0), toLattice(lut, g, 1), toLattice(lut, b, 2), out);
}

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
 * Applies a LUT to interleaved RGB(A) pixels with tetrahedral interpolation (`interpolateCell`, the
 * kernel `sampleLut` uses too) and returns new pixels of the same depth, rounded to the nearest code value.
 */
export function applyLutToPixels(pixels: PixelBuffer, lut: Lut3d): PixelBuffer {
  const { data, channels } = pixels;
  const table = lut.data;
  const maximum = data instanceof Uint16Array ? 65535 : 255;
  const output = data instanceof Uint16Array ? new Uint16Array(data.length) : new Uint8Array(data.length);
  const red = channelTables(lut, maximum, 0);
  const green = channelTables(lut, maximum, 1);
  const blue = channelTables(lut, maximum, 2);
  const color = new Float64Array(3);
  for (let offset = 0; offset < data.length; offset += channels) {
    const r = data[offset]!;
    const g = data[offset + 1]!;
    const b = data[offset + 2]!;
    interpolateCell(
      table,
      red.offsets[r]! + green.offsets[g]! + blue.offsets[b]!,
      red.steps[r]!,
      green.steps[g]!,
      blue.steps[b]!,
      red.fractions[r]!,
      green.fractions[g]!,
      blue.fractions[b]!,
      color,
    );
    // Typed-array stores truncate and wrap rather than clamp: + 0.5 rounds, min/max clamp.
    output[offset] = Math.min(maximum, Math.max(0, color[0]! * maximum + 0.5));
    output[offset + 1] = Math.min(maximum, Math.max(0, color[1]! * maximum + 0.5));
    output[offset + 2] = Math.min(maximum, Math.max(0, color[2]! * maximum + 0.5));
    if (channels === 4) output[offset + 3] = data[offset + 3]!;
  }
  return { data: output, width: pixels.width, height: pixels.height, channels };
}
