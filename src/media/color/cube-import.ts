import type { CubeFile } from "./cube-parse.ts";
import { parseCubeFile } from "./cube-parse.ts";
import { buildLut, type Lut3d } from "./lut.ts";
import { sampleLut } from "./tetrahedral.ts";

function sample1d(lut: NonNullable<CubeFile["lut1d"]>, value: number, channel: 0 | 1 | 2): number {
  const min = lut.domainMin[channel];
  const position = Math.min(
    lut.size - 1,
    Math.max(0, ((value - min) / (lut.domainMax[channel] - min)) * (lut.size - 1)),
  );
  const index = Math.min(lut.size - 2, Math.floor(position));
  const fraction = position - index;
  const low = lut.data[index * 3 + channel]!;
  return low + (lut.data[(index + 1) * 3 + channel]! - low) * fraction;
}

/**
 * Parses a `.cube` file into the one 3D LUT every path applies. A 3D-only file is returned as is
 * (lossless). A 1D-only file is expanded to a 3D LUT (per-channel curves are exact at the lattice
 * points). A shaper + 3D file is baked into one 3D LUT over the shaper's domain.
 */
export function parseCube(text: string, options: { expandedSize?: number } = {}): Lut3d {
  const file = parseCubeFile(text);
  const { lut1d, lut3d } = file;
  if (lut3d && !lut1d) return lut3d;
  const size =
    options.expandedSize ?? (lut3d ? Math.max(lut3d.size, 33) : Math.min(Math.max(lut1d!.size, 2), 65));
  const shaper = lut1d!;
  const looked: [number, number, number] = [0, 0, 0];
  const baked = buildLut(
    size,
    (r, g, b, out) => {
      const input = [r, g, b].map((value, channel) => {
        const min = shaper.domainMin[channel]!;
        return min + value * (shaper.domainMax[channel]! - min);
      });
      out[0] = sample1d(shaper, input[0]!, 0);
      out[1] = sample1d(shaper, input[1]!, 1);
      out[2] = sample1d(shaper, input[2]!, 2);
      if (lut3d) {
        sampleLut(lut3d, out[0], out[1], out[2], looked);
        out[0] = looked[0];
        out[1] = looked[1];
        out[2] = looked[2];
      }
    },
    file.title,
  );
  return { ...baked, domainMin: [...shaper.domainMin], domainMax: [...shaper.domainMax] };
}
