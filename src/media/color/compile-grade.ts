import { AppError } from "../../lib/errors.ts";
import { identityMatrix, type Matrix3, multiplyMatrices } from "./color-matrices.ts";
import { inputColorSpaces, outputTransfers } from "./color-spaces.ts";
import {
  applyContrast,
  applyLiftGammaGain,
  applySaturation,
  highlightRolloff,
  highlightsShadowsFactor,
  luminance,
} from "./grade-operations.ts";
import { defineGrade, type Grade, type GradeInput } from "./grade-schema.ts";
import { buildLut, type Lut3d } from "./lut.ts";
import { sampleLut } from "./tetrahedral.ts";
import { whiteBalanceMatrix } from "./white-balance.ts";

/** Maps one input signal colour (0–1 per channel) to the graded output signal, writing into `out`. */
export type ColorTransform = (r: number, g: number, b: number, out: [number, number, number]) => void;

// Where highlights/shadows stop acting on scene-referred light: the roll-off has reached white by then.
const sceneHighlightWhite = 2;

function isIdentity(matrix: Matrix3): boolean {
  return matrix.every((value, index) => value === identityMatrix[index]);
}

/** The grade as a function of one colour: the exact reference that `compileGrade` samples. */
export function createGradeTransform(input: Grade | GradeInput): ColorTransform {
  const grade = defineGrade(input);
  const space = inputColorSpaces[grade.inputSpace];
  const decode = space.transfer.toLinear;
  const encode = outputTransfers[grade.outputTransfer ?? space.defaultOutput].toSignal;
  const white = decode(1);
  const matrix = multiplyMatrices(
    whiteBalanceMatrix(grade.temperature, grade.tint, grade.chromaticAdaptation),
    space.toWorking,
  );
  const applyMatrix = !isIdentity(matrix);
  const exposure = 2 ** grade.exposure;
  const { lift, gamma, gain, creativeLut } = grade;
  const channels = (["r", "g", "b"] as const).map((channel) => ({
    lift: lift.master + lift[channel],
    gamma: gamma.master * gamma[channel],
    gain: gain.master * gain[channel],
  }));
  const toneOptions = {
    highlights: grade.highlights,
    shadows: grade.shadows,
    pivot: grade.pivot,
    white: space.sceneReferred ? sceneHighlightWhite : white,
  };
  const color: [number, number, number] = [0, 0, 0];
  const looked: [number, number, number] = [0, 0, 0];

  return (r, g, b, out) => {
    color[0] = decode(r);
    color[1] = decode(g);
    color[2] = decode(b);
    if (applyMatrix) {
      const [x, y, z] = color;
      color[0] = matrix[0] * x + matrix[1] * y + matrix[2] * z;
      color[1] = matrix[3] * x + matrix[4] * y + matrix[5] * z;
      color[2] = matrix[6] * x + matrix[7] * y + matrix[8] * z;
    }
    for (let channel = 0; channel < 3; channel++) {
      let value = Math.max(0, color[channel]!) * exposure;
      if (grade.contrast !== 1) value = applyContrast(value, grade.contrast, grade.pivot, white);
      color[channel] = value;
    }
    if (grade.highlights !== 0 || grade.shadows !== 0) {
      const factor = highlightsShadowsFactor(luminance(color[0], color[1], color[2]), toneOptions);
      color[0] *= factor;
      color[1] *= factor;
      color[2] *= factor;
    }
    for (let channel = 0; channel < 3; channel++) {
      const settings = channels[channel]!;
      color[channel] = applyLiftGammaGain(color[channel]!, settings.lift, settings.gamma, settings.gain);
    }
    applySaturation(color, grade);
    for (let channel = 0; channel < 3; channel++) {
      const value = space.sceneReferred ? highlightRolloff(color[channel]!) : color[channel]!;
      out[channel] = encode(Math.min(1, Math.max(0, value)));
    }
    if (creativeLut && creativeLut.mix > 0) {
      sampleLut(creativeLut.lut, out[0], out[1], out[2], looked);
      for (let channel = 0; channel < 3; channel++) {
        out[channel] = out[channel]! + (looked[channel]! - out[channel]!) * creativeLut.mix;
      }
    }
  };
}

/** Options of `compileGrade`. */
export type CompileOptions = { size?: number; title?: string };

/**
 * Compiles a grade to the one 3D LUT (33³ by default, 65³ for finals) that the video path, the still
 * path and the browser preview all apply. Domain [0, 1] in the input's signal encoding.
 */
export function compileGrade(input: Grade | GradeInput, options: CompileOptions = {}): Lut3d {
  const size = options.size ?? 33;
  if (!Number.isInteger(size) || size < 2 || size > 129) {
    throw new AppError("bad_request:lut", `LUT size must be an integer from 2 to 129, got ${size}.`);
  }
  return buildLut(size, createGradeTransform(input), options.title);
}
