import { z } from "zod";

const rgbTripleSchema = z.tuple([z.number(), z.number(), z.number()]);

/**
 * A 3D lookup table: `size`³ RGB entries in `data`, red varying fastest, then green, then blue
 * (the `.cube` order), indexing inputs spread evenly over `domainMin`–`domainMax` per channel.
 */
export const lut3dSchema = z
  .object({
    size: z.int().min(2).max(256),
    data: z.instanceof(Float32Array),
    domainMin: rgbTripleSchema.default([0, 0, 0]),
    domainMax: rgbTripleSchema.default([1, 1, 1]),
    title: z.string().max(500).optional(),
  })
  .refine((lut) => lut.data.length === lut.size ** 3 * 3, {
    message: "data must hold size³ RGB triples",
    path: ["data"],
  })
  .refine((lut) => lut.domainMin.every((min, channel) => min < lut.domainMax[channel]!), {
    message: "domainMin must be below domainMax in every channel",
    path: ["domainMax"],
  });

export type Lut3d = z.infer<typeof lut3dSchema>;

/** Offset into `data` of lattice point (r, g, b). */
export function latticeOffset(size: number, r: number, g: number, b: number): number {
  return ((b * size + g) * size + r) * 3;
}

/**
 * Builds a LUT by evaluating `transform` on every lattice point of the domain [0, 1]. `transform`
 * writes its result into `out` (reused between calls to spare allocations).
 */
export function buildLut(
  size: number,
  transform: (r: number, g: number, b: number, out: [number, number, number]) => void,
  title?: string,
): Lut3d {
  const data = new Float32Array(size ** 3 * 3);
  const out: [number, number, number] = [0, 0, 0];
  const step = 1 / (size - 1);
  let offset = 0;
  for (let b = 0; b < size; b++) {
    for (let g = 0; g < size; g++) {
      for (let r = 0; r < size; r++) {
        transform(r * step, g * step, b * step, out);
        data[offset++] = out[0];
        data[offset++] = out[1];
        data[offset++] = out[2];
      }
    }
  }
  return { size, data, domainMin: [0, 0, 0], domainMax: [1, 1, 1], title };
}

/** The LUT that changes nothing. */
export function identityLut(size = 33): Lut3d {
  return buildLut(size, (r, g, b, out) => {
    out[0] = r;
    out[1] = g;
    out[2] = b;
  });
}
