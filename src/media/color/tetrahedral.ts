import { type Lut3d, latticeOffset } from "./lut.ts";

/**
 * Samples a LUT at lattice coordinates (0 … size − 1 per channel, already clamped) with tetrahedral
 * interpolation: the same six-tetrahedron split as ffmpeg's `lut3d` and Resolve, so that stills,
 * video and the browser preview agree.
 */
export function sampleLattice(
  lut: Lut3d,
  r: number,
  g: number,
  b: number,
  out: [number, number, number],
): void {
  const { size, data } = lut;
  const r0 = Math.floor(r);
  const g0 = Math.floor(g);
  const b0 = Math.floor(b);
  const dr = r - r0;
  const dg = g - g0;
  const db = b - b0;
  const stepR = r0 < size - 1 ? 3 : 0;
  const stepG = g0 < size - 1 ? size * 3 : 0;
  const stepB = b0 < size - 1 ? size * size * 3 : 0;
  const c000 = latticeOffset(size, r0, g0, b0);
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

function toLattice(lut: Lut3d, value: number, channel: 0 | 1 | 2): number {
  const min = lut.domainMin[channel];
  const scaled = ((value - min) / (lut.domainMax[channel] - min)) * (lut.size - 1);
  return scaled < 0 ? 0 : Math.min(scaled, lut.size - 1);
}

/** Applies a LUT to one colour (inputs outside the domain are clamped to it). */
export function sampleLut(lut: Lut3d, r: number, g: number, b: number, out: [number, number, number]): void {
  sampleLattice(lut, toLattice(lut, r, 0), toLattice(lut, g, 1), toLattice(lut, b, 2), out);
}
