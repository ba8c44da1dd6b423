import { inputColorSpaceSchema } from "../../../../media/color/color-spaces.ts";
import { presetIdSchema } from "../../../../media/color/presets.ts";
import type { LiveGrade } from "../../../../tools/color/live-grade.ts";

const liveFields = [
  "exposure",
  "contrast",
  "temperature",
  "tint",
  "saturation",
  "shadows",
  "highlights",
] as const;

type Loose = Record<string, unknown>;
const asRecord = (value: unknown): Loose =>
  typeof value === "object" && value !== null ? (value as Loose) : {};

/**
 * The grade the live preview starts from: the tool's resolved `live` grade (preset aliases, user preset
 * and creative LUT included). Previews saved before the tool returned it fall back to the input: a
 * built-in preset by id, the slider fields of the adjustments and the creative LUT.
 */
export function liveGradeFrom(output: unknown, input: unknown): LiveGrade {
  const live = asRecord(output).live;
  if (typeof live === "object" && live !== null && "adjustments" in live) return live as LiveGrade;
  const record = asRecord(input);
  const preset = presetIdSchema.safeParse(record.preset);
  const space = inputColorSpaceSchema.safeParse(record.inputColorSpace);
  const given = asRecord(record.adjustments);
  const adjustments: LiveGrade["adjustments"] = {};
  for (const field of liveFields) {
    const value = given[field];
    if (typeof value === "number") adjustments[field] = value;
  }
  return {
    preset: preset.success ? preset.data : null,
    adjustments,
    inputColorSpace: space.success ? space.data : "rec709",
    lut:
      typeof record.lutFileId === "string"
        ? { fileId: record.lutFileId, mix: typeof record.lutMix === "number" ? record.lutMix : 1 }
        : null,
  };
}
