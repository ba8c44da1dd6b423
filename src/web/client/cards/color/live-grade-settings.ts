import { inputColorSpaceSchema } from "../../../../media/color/color-spaces.ts";
import { type PresetId, presetIdSchema } from "../../../../media/color/presets.ts";
import type { LiveAdjustments } from "./grade-controls.tsx";

const liveFields = [
  "exposure",
  "contrast",
  "temperature",
  "tint",
  "saturation",
  "shadows",
  "highlights",
] as const;

/** The live preview's starting point, read from a colour tool's input (the look the user asked for). */
export function liveSettingsFrom(input: unknown): {
  preset: PresetId | null;
  adjustments: LiveAdjustments;
  inputSpace: ReturnType<typeof inputColorSpaceSchema.parse>;
} {
  const record = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  const preset = presetIdSchema.safeParse(record.preset);
  const space = inputColorSpaceSchema.safeParse(record.inputColorSpace);
  const given =
    typeof record.adjustments === "object" && record.adjustments !== null ? record.adjustments : {};
  const adjustments: LiveAdjustments = {};
  for (const field of liveFields) {
    const value = (given as Record<string, unknown>)[field];
    if (typeof value === "number") adjustments[field] = value;
  }
  return {
    preset: preset.success ? preset.data : null,
    adjustments,
    inputSpace: space.success ? space.data : "rec709",
  };
}
