import { describe, expect, it } from "vitest";
import { compileGrade } from "./compile-grade.ts";
import { latticeOffset } from "./lut.ts";
import { presetGrade } from "./presets.ts";
import { lutPreviewGlsl, packLutTexture } from "./webgl-lut.ts";

describe("packLutTexture", () => {
  const lut = compileGrade(presetGrade("golden-hour"), { size: 17 });

  it("lays RGB32F texels out as x = red, y = green, z = blue", () => {
    const texture = packLutTexture(lut);
    expect(texture.data).toBeInstanceOf(Float32Array);
    expect(texture.data).not.toBe(lut.data);
    const [x, y, z] = [3, 11, 16];
    const texel = ((z * 17 + y) * 17 + x) * 3;
    const offset = latticeOffset(17, x, y, z);
    expect(Array.from(texture.data.subarray(texel, texel + 3))).toEqual(
      Array.from(lut.data.subarray(offset, offset + 3)),
    );
  });

  it("quantises RGBA8 texels to the nearest byte with opaque alpha", () => {
    const texture = packLutTexture(lut, "rgba8");
    expect(texture.data.length).toBe(17 ** 3 * 4);
    const offset = latticeOffset(17, 5, 9, 2);
    const texel = (offset / 3) * 4;
    for (let channel = 0; channel < 3; channel++) {
      expect(
        Math.abs(texture.data[texel + channel]! - lut.data[offset + channel]! * 255),
      ).toBeLessThanOrEqual(0.5);
    }
    expect(texture.data[texel + 3]).toBe(255);
  });

  it("ships a WebGL2 tetrahedral lookup declaring the uniforms it needs", () => {
    for (const name of [
      "sampler3D uLut",
      "float uLutSize",
      "vec3 uLutDomainMin",
      "vec3 uLutDomainMax",
      "vec3 applyLut(vec3 color)",
    ]) {
      expect(lutPreviewGlsl).toContain(name);
    }
    expect(lutPreviewGlsl.match(/texelFetch/g)).toHaveLength(4);
  });
});
