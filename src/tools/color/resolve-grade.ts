import type { UserScope } from "../../db/rls.ts";
import { AppError } from "../../lib/errors.ts";
import {
  defineGrade,
  type Grade,
  type GradeInput,
  gradePresets,
  type Lut3d,
  layerGrade,
  type PresetId,
} from "../../media/color/index.ts";
import type { BlobStorage } from "../../storage/blob-storage.ts";
import type { GradeAdjustments } from "./grade-adjustments.ts";
import { findUserPreset } from "./grade-queries.ts";
import type { GradeSpec } from "./grade-spec.ts";
import type { LiveGrade } from "./live-grade.ts";
import { loadCubeFile } from "./load-cube.ts";
import { presetIdOf } from "./preset-names.ts";

/**
 * A spec with its names resolved: the built-in preset's id (aliases mapped), everything laid over it (the
 * user preset, then the adjustments) and the creative LUT, loaded.
 */
export type ResolvedGradeSpec = {
  preset: PresetId | null;
  adjustments: GradeAdjustments;
  inputColorSpace: GradeSpec["inputColorSpace"];
  creativeLut: { fileId: string; lut: Lut3d; mix: number } | null;
};

/** Resolves a spec's preset alias, user preset and creative LUT. Unknown presets and bad LUTs are client faults. */
export async function resolveGradeSpec(input: {
  transaction: UserScope;
  storage: BlobStorage;
  spec: GradeSpec;
}): Promise<ResolvedGradeSpec> {
  const { spec } = input;
  let adjustments: GradeAdjustments = {};
  if (spec.userPreset) {
    const name = spec.userPreset;
    const saved = await input.transaction((tx) => findUserPreset(tx, name));
    if (!saved) {
      throw new AppError(
        "not_found:preset",
        `You have no preset named "${name}". List presets to see yours.`,
      );
    }
    adjustments = saved.grade as GradeAdjustments;
  }
  adjustments = layerGrade(adjustments, spec.adjustments);
  const creativeLut = spec.lutFileId
    ? {
        fileId: spec.lutFileId,
        lut: (
          await loadCubeFile({
            transaction: input.transaction,
            storage: input.storage,
            fileId: spec.lutFileId,
          })
        ).lut,
        mix: spec.lutMix,
      }
    : null;
  return {
    preset: spec.preset ? presetIdOf(spec.preset) : null,
    adjustments,
    inputColorSpace: spec.inputColorSpace,
    creativeLut,
  };
}

/** The grade of a resolved spec, ready to compile; a value out of range is a client fault. */
export function gradeOfResolvedSpec(resolved: ResolvedGradeSpec): Grade {
  const base: GradeInput = resolved.preset ? gradePresets[resolved.preset].grade : {};
  const { creativeLut } = resolved;
  try {
    return defineGrade({
      ...layerGrade<GradeInput>(base, resolved.adjustments),
      inputSpace: resolved.inputColorSpace,
      ...(creativeLut ? { creativeLut: { lut: creativeLut.lut, mix: creativeLut.mix } } : {}),
    });
  } catch (error) {
    throw new AppError("bad_request:grade", "The grade has a value out of range; check the adjustments.", {
      cause: error,
    });
  }
}

/** What the browser preview needs to compile the same grade: the resolved spec, with the LUT by file id. */
export function liveGradeOf(resolved: ResolvedGradeSpec): LiveGrade {
  const { creativeLut } = resolved;
  return {
    preset: resolved.preset,
    adjustments: resolved.adjustments,
    inputColorSpace: resolved.inputColorSpace,
    lut: creativeLut ? { fileId: creativeLut.fileId, mix: creativeLut.mix } : null,
  };
}

/**
 * The grade a spec describes, ready to compile: the preset (built-in or the user's), the adjustments over
 * it, the input colour space and the creative LUT. Unknown presets and bad LUTs are client faults.
 */
export async function resolveGrade(input: {
  transaction: UserScope;
  storage: BlobStorage;
  spec: GradeSpec;
}): Promise<Grade> {
  return gradeOfResolvedSpec(await resolveGradeSpec(input));
}
