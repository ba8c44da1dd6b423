import type { Lut3d } from "./lut.ts";

/** A LUT laid out for a WebGL2 `TEXTURE_3D` (x = red, y = green, z = blue, as the LUT's own order). */
export type LutTexture = {
  size: number;
  /** `rgb32f`: exact, `texImage3D(TEXTURE_3D, 0, RGB32F, size, size, size, 0, RGB, FLOAT, data)`.
   *  `rgba8`: a quarter of the memory, `texImage3D(TEXTURE_3D, 0, RGBA8, size, size, size, 0, RGBA, UNSIGNED_BYTE, data)`. */
  format: "rgb32f" | "rgba8";
  data: Float32Array | Uint8Array;
  /** Values for the shader's `uLutDomainMin` / `uLutDomainMax` uniforms. */
  domainMin: [number, number, number];
  domainMax: [number, number, number];
};

/**
 * Packs a LUT into texture data for the browser preview. The shader (`lutPreviewGlsl`) reads texels with
 * `texelFetch` and interpolates itself, so no float-filtering extension and no NEAREST/LINEAR choice matters.
 */
export function packLutTexture(lut: Lut3d, format: LutTexture["format"] = "rgb32f"): LutTexture {
  const domain = {
    domainMin: [...lut.domainMin] as LutTexture["domainMin"],
    domainMax: [...lut.domainMax] as LutTexture["domainMax"],
  };
  if (format === "rgb32f") return { size: lut.size, format, ...domain, data: lut.data.slice() };
  const data = new Uint8Array(lut.size ** 3 * 4);
  for (let index = 0, texel = 0; index < lut.data.length; index += 3, texel += 4) {
    for (let channel = 0; channel < 3; channel++) {
      const value = Math.round(lut.data[index + channel]! * 255);
      data[texel + channel] = value < 0 ? 0 : Math.min(value, 255);
    }
    data[texel + 3] = 255;
  }
  return { size: lut.size, format, ...domain, data };
}

/**
 * GLSL ES 3.00 (WebGL2) for the live preview: `vec3 applyLut(vec3 color)` with the same tetrahedral
 * interpolation as ffmpeg `lut3d` and the still path. Declares its uniforms: `uLut` (sampler3D),
 * `uLutSize` (float), `uLutDomainMin`, `uLutDomainMax` (vec3). Paste it above the fragment shader's `main`.
 */
export const lutPreviewGlsl = /* glsl */ `
uniform highp sampler3D uLut;
uniform float uLutSize;
uniform vec3 uLutDomainMin;
uniform vec3 uLutDomainMax;

vec3 applyLut(vec3 color) {
  float last = uLutSize - 1.0;
  vec3 scaled = clamp((color - uLutDomainMin) / (uLutDomainMax - uLutDomainMin), 0.0, 1.0) * last;
  ivec3 low = ivec3(floor(scaled));
  ivec3 high = min(low + 1, ivec3(int(last)));
  vec3 d = scaled - vec3(low);
  ivec3 first;
  ivec3 second;
  vec4 w;
  if (d.r > d.g) {
    if (d.g > d.b) {
      first = ivec3(high.x, low.y, low.z); second = ivec3(high.x, high.y, low.z);
      w = vec4(1.0 - d.r, d.r - d.g, d.g - d.b, d.b);
    } else if (d.r > d.b) {
      first = ivec3(high.x, low.y, low.z); second = ivec3(high.x, low.y, high.z);
      w = vec4(1.0 - d.r, d.r - d.b, d.b - d.g, d.g);
    } else {
      first = ivec3(low.x, low.y, high.z); second = ivec3(high.x, low.y, high.z);
      w = vec4(1.0 - d.b, d.b - d.r, d.r - d.g, d.g);
    }
  } else if (d.b > d.g) {
    first = ivec3(low.x, low.y, high.z); second = ivec3(low.x, high.y, high.z);
    w = vec4(1.0 - d.b, d.b - d.g, d.g - d.r, d.r);
  } else if (d.b > d.r) {
    first = ivec3(low.x, high.y, low.z); second = ivec3(low.x, high.y, high.z);
    w = vec4(1.0 - d.g, d.g - d.b, d.b - d.r, d.r);
  } else {
    first = ivec3(low.x, high.y, low.z); second = ivec3(high.x, high.y, low.z);
    w = vec4(1.0 - d.g, d.g - d.r, d.r - d.b, d.b);
  }
  return w.x * texelFetch(uLut, low, 0).rgb + w.y * texelFetch(uLut, first, 0).rgb
    + w.z * texelFetch(uLut, second, 0).rgb + w.w * texelFetch(uLut, high, 0).rgb;
}
`;
