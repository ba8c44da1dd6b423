import type { UserScope } from "../../db/rls.ts";
import { AppError } from "../../lib/errors.ts";
import { defineGrade, type Grade, type GradeInput, gradePresets } from "../../media/color/index.ts";
import type { BlobStorage } from "../../storage/blob-storage.ts";
import type { GradeAdjustments } from "./grade-adjustments.ts";
import { findUserPreset } from "./grade-queries.ts";
import type { GradeSpec } from "./grade-spec.ts";
import { loadCubeFile } from "./load-cube.ts";
import { presetIdOf } from "./preset-names.ts";

const channelFields = ["lift", "gamma", "gain"] as const;

/** Lays adjustments over a base grade; per-channel fields merge channel by channel. */
export function layerAdjustments(base: GradeInput, adjustments: GradeAdjustments = {}): GradeInput {
  const merged: GradeInput = { ...base, ...adjustments };
  for (const field of channelFields) {
    if (adjustments[field]) merged[field] = { ...base[field], ...adjustments[field] };
  }
  return merged;
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
  const { spec } = input;
  let base: GradeInput = spec.preset ? gradePresets[presetIdOf(spec.preset)].grade : {};
  if (spec.userPreset) {
    const name = spec.userPreset;
    const saved = await input.transaction((tx) => findUserPreset(tx, name));
    if (!saved) {
      throw new AppError(
        "not_found:preset",
        `You have no preset named "${name}". List presets to see yours.`,
      );
    }
    base = layerAdjustments(base, saved.grade as GradeAdjustments);
  }
  const layered = layerAdjustments(base, spec.adjustments);
  const creativeLut = spec.lutFileId
    ? {
        lut: (
          await loadCubeFile({
            transaction: input.transaction,
            storage: input.storage,
            fileId: spec.lutFileId,
          })
        ).lut,
        mix: spec.lutMix,
      }
    : undefined;
  try {
    return defineGrade({
      ...layered,
      inputSpace: spec.inputColorSpace,
      ...(creativeLut ? { creativeLut } : {}),
    });
  } catch (error) {
    throw new AppError("bad_request:grade", "The grade has a value out of range; check the adjustments.", {
      cause: error,
    });
  }
}
