import { gradePresets } from "../../media/color/index.ts";
import type { GradeSpec } from "./grade-spec.ts";
import { presetIdOf } from "./preset-names.ts";

/** A short name of the look a spec describes, for file names and cards. */
export function lookName(spec: GradeSpec): string {
  const parts = [
    spec.preset ? gradePresets[presetIdOf(spec.preset)].name : undefined,
    spec.userPreset,
    spec.adjustments && Object.keys(spec.adjustments).length > 0 ? "adjusted" : undefined,
    spec.lutFileId ? "LUT" : undefined,
  ].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join(" + ") : "neutral";
}

/** A file-name-safe slug of the look. */
export function lookSlug(spec: GradeSpec): string {
  return lookName(spec)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
