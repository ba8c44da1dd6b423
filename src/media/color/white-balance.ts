import {
  identityMatrix,
  invertMatrix,
  type Matrix3,
  multiplyMatrices,
  rec709Primaries,
  rgbToXyzMatrix,
  transformVector,
  type Vector3,
  whiteD65,
  xyToXyz,
} from "./color-matrices.ts";

/** Cone-response matrices for von Kries adaptation. */
export const chromaticAdaptationMatrices = {
  bradford: [0.8951, 0.2664, -0.1614, -0.7502, 1.7135, 0.0367, 0.0389, -0.0685, 1.0296],
  cat02: [0.7328, 0.4296, -0.1624, -0.7036, 1.6975, 0.0061, 0.003, 0.0136, 0.9834],
} as const satisfies Record<string, Matrix3>;

export type ChromaticAdaptation = keyof typeof chromaticAdaptationMatrices;

const d65Kelvin = 6504;
// One temperature unit is 1/100 of a doubling of the light's mired value: −100 treats the scene light as
// ~3250 K (tungsten, so the image cools), +100 as ~13000 K (shade, so the image warms).
const miredDoublingPerUnit = 1 / 100;
// One tint unit moves the scene white 0.0003 Δuv across the Planckian locus (+100 ≈ a strong green cast removed).
const deltaUvPerTintUnit = 0.0003;

/** CIE 1960 uv of a blackbody (Krystek 1985 rational approximation, 1000–15000 K and smooth beyond). */
function planckianUv(kelvin: number): [number, number] {
  const t = kelvin;
  const u =
    (0.860117757 + 1.54118254e-4 * t + 1.28641212e-7 * t * t) /
    (1 + 8.42420235e-4 * t + 7.08145163e-7 * t * t);
  const v =
    (0.317398726 + 4.22806245e-5 * t + 4.20481691e-8 * t * t) /
    (1 - 2.89741816e-5 * t + 1.61456053e-7 * t * t);
  return [u, v];
}

function xyToUv(x: number, y: number): [number, number] {
  const denominator = -2 * x + 12 * y + 3;
  return [(4 * x) / denominator, (6 * y) / denominator];
}

function uvToXy(u: number, v: number): [number, number] {
  const denominator = 2 * u - 8 * v + 4;
  return [(3 * u) / denominator, (2 * v) / denominator];
}

/**
 * The chromaticity (xy) of the light the grade treats as neutral. Temperature moves it along the
 * Planckian locus, tint across it (towards green for positive tint, so the image turns magenta); both
 * at zero give D65 exactly.
 */
export function sceneWhite(temperature: number, tint: number): [number, number] {
  const kelvin = d65Kelvin / 2 ** (-temperature * miredDoublingPerUnit);
  const [u0, v0] = xyToUv(...whiteD65);
  const [uReference, vReference] = planckianUv(d65Kelvin);
  const [u, v] = planckianUv(kelvin);
  const [uNext, vNext] = planckianUv(kelvin * 1.001);
  const length = Math.hypot(uNext - u, vNext - v);
  // Unit normal to the locus, pointing to higher v (greener).
  let normalU = -(vNext - v) / length;
  let normalV = (uNext - u) / length;
  if (normalV < 0) {
    normalU = -normalU;
    normalV = -normalV;
  }
  const offset = tint * deltaUvPerTintUnit;
  return uvToXy(u0 + u - uReference + normalU * offset, v0 + v - vReference + normalV * offset);
}

const rgbToXyz = rgbToXyzMatrix(rec709Primaries);
const xyzToRgb = invertMatrix(rgbToXyz);

/**
 * Linear Rec.709 matrix adapting colours seen under the scene white to D65 (von Kries scaling in the
 * Bradford or CAT02 cone space), so that the scene white renders neutral.
 */
export function whiteBalanceMatrix(
  temperature: number,
  tint: number,
  adaptation: ChromaticAdaptation = "bradford",
): Matrix3 {
  if (temperature === 0 && tint === 0) return identityMatrix;
  const cone = chromaticAdaptationMatrices[adaptation];
  const source = transformVector(cone, xyToXyz(...sceneWhite(temperature, tint)));
  const destination = transformVector(cone, xyToXyz(...whiteD65));
  const scale: Matrix3 = [
    destination[0] / source[0],
    0,
    0,
    0,
    destination[1] / source[1],
    0,
    0,
    0,
    destination[2] / source[2],
  ];
  const adapt = multiplyMatrices(invertMatrix(cone), multiplyMatrices(scale, cone));
  return multiplyMatrices(xyzToRgb, multiplyMatrices(adapt, rgbToXyz));
}

/**
 * The temperature and tint whose scene white has the chromaticity of a linear Rec.709 colour, e.g.
 * an estimated illuminant (Gauss–Newton on the two sliders; results are clamped to ±150).
 */
export function temperatureTintForWhite(illuminant: Vector3): { temperature: number; tint: number } {
  const xyz = transformVector(rgbToXyz, illuminant);
  const sum = xyz[0] + xyz[1] + xyz[2];
  const target = xyToUv(xyz[0] / sum, xyz[1] / sum);
  const residual = (t: number, n: number) => {
    const uv = xyToUv(...sceneWhite(t, n));
    return [uv[0] - target[0], uv[1] - target[1]] as const;
  };
  let temperature = 0;
  let tint = 0;
  for (let iteration = 0; iteration < 30; iteration++) {
    const [e0, e1] = residual(temperature, tint);
    const [a0, a1] = residual(temperature + 0.01, tint);
    const [b0, b1] = residual(temperature, tint + 0.01);
    const j00 = (a0 - e0) / 0.01;
    const j10 = (a1 - e1) / 0.01;
    const j01 = (b0 - e0) / 0.01;
    const j11 = (b1 - e1) / 0.01;
    const determinant = j00 * j11 - j01 * j10;
    if (Math.abs(determinant) < 1e-18) break;
    const stepT = (j11 * e0 - j01 * e1) / determinant;
    const stepN = (-j10 * e0 + j00 * e1) / determinant;
    temperature = Math.min(150, Math.max(-150, temperature - stepT));
    tint = Math.min(150, Math.max(-150, tint - stepN));
    if (Math.abs(stepT) < 1e-6 && Math.abs(stepN) < 1e-6) break;
  }
  return { temperature, tint };
}
