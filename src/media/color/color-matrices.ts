/** A 3×3 matrix in row-major order. */
export type Matrix3 = readonly [number, number, number, number, number, number, number, number, number];

/** An RGB or XYZ triple. */
export type Vector3 = [number, number, number];

/** CIE 1931 xy chromaticity of a colour space's primaries and white point. */
export type Primaries = {
  red: readonly [number, number];
  green: readonly [number, number];
  blue: readonly [number, number];
  white: readonly [number, number];
};

/** D65, the white point of every space the engine handles (Rec.709, ALEXA Wide Gamut, S-Gamut3.Cine, V-Gamut). */
export const whiteD65 = [0.3127, 0.329] as const;

/** ITU-R BT.709 primaries: the working space and the output gamut. */
export const rec709Primaries: Primaries = {
  red: [0.64, 0.33],
  green: [0.3, 0.6],
  blue: [0.15, 0.06],
  white: whiteD65,
};

/** ARRI ALEXA Wide Gamut (LogC3 footage), from ARRI's "ALEXA Log C Curve" white paper. */
export const alexaWideGamutPrimaries: Primaries = {
  red: [0.684, 0.313],
  green: [0.221, 0.848],
  blue: [0.0861, -0.102],
  white: whiteD65,
};

/** Sony S-Gamut3.Cine, from Sony's "Technical Summary for S-Gamut3.Cine/S-Log3". */
export const sGamut3CinePrimaries: Primaries = {
  red: [0.766, 0.275],
  green: [0.225, 0.8],
  blue: [0.089, -0.087],
  white: whiteD65,
};

/** Panasonic V-Gamut, from Panasonic's "V-Log/V-Gamut Reference Manual". */
export const vGamutPrimaries: Primaries = {
  red: [0.73, 0.28],
  green: [0.165, 0.84],
  blue: [0.1, -0.03],
  white: whiteD65,
};

export const identityMatrix: Matrix3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];

/** Matrix product a·b. */
export function multiplyMatrices(a: Matrix3, b: Matrix3): Matrix3 {
  const out: number[] = [];
  for (let row = 0; row < 3; row++) {
    for (let column = 0; column < 3; column++) {
      out.push(
        a[row * 3]! * b[column]! + a[row * 3 + 1]! * b[3 + column]! + a[row * 3 + 2]! * b[6 + column]!,
      );
    }
  }
  return out as unknown as Matrix3;
}

/** Matrix times column vector. */
export function transformVector(m: Matrix3, v: readonly [number, number, number]): Vector3 {
  return [
    m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
    m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
    m[6] * v[0] + m[7] * v[1] + m[8] * v[2],
  ];
}

/** Inverse of a 3×3 matrix (the matrices here are all well conditioned). */
export function invertMatrix(m: Matrix3): Matrix3 {
  const [a, b, c, d, e, f, g, h, i] = m;
  const determinant = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  return [
    (e * i - f * h) / determinant,
    (c * h - b * i) / determinant,
    (b * f - c * e) / determinant,
    (f * g - d * i) / determinant,
    (a * i - c * g) / determinant,
    (c * d - a * f) / determinant,
    (d * h - e * g) / determinant,
    (b * g - a * h) / determinant,
    (a * e - b * d) / determinant,
  ];
}

/** XYZ (Y = 1) of a chromaticity. */
export function xyToXyz(x: number, y: number): Vector3 {
  return [x / y, 1, (1 - x - y) / y];
}

/** The RGB → XYZ matrix of a set of primaries (SMPTE RP 177 derivation). */
export function rgbToXyzMatrix(primaries: Primaries): Matrix3 {
  const red = xyToXyz(...primaries.red);
  const green = xyToXyz(...primaries.green);
  const blue = xyToXyz(...primaries.blue);
  const columns: Matrix3 = [red[0], green[0], blue[0], red[1], green[1], blue[1], red[2], green[2], blue[2]];
  const scale = transformVector(invertMatrix(columns), xyToXyz(...primaries.white));
  return [
    red[0] * scale[0],
    green[0] * scale[1],
    blue[0] * scale[2],
    red[1] * scale[0],
    green[1] * scale[1],
    blue[1] * scale[2],
    red[2] * scale[0],
    green[2] * scale[1],
    blue[2] * scale[2],
  ];
}

/** The matrix taking linear RGB in `from` primaries to linear RGB in `to` primaries (same white). */
export function gamutConversionMatrix(from: Primaries, to: Primaries): Matrix3 {
  return multiplyMatrices(invertMatrix(rgbToXyzMatrix(to)), rgbToXyzMatrix(from));
}

/** Rec.709 luminance weights (the Y row of its RGB → XYZ matrix). */
export const rec709Luminance = [0.2126, 0.7152, 0.0722] as const;
