import { z } from "zod";
import { defineGrade, type Grade, type GradeInput } from "./grade-schema.ts";

/** Identifiers of the built-in looks. */
export const presetIdSchema = z.enum([
  "cinematic",
  "vintage",
  "moody",
  "noir",
  "golden-hour",
  "nollywood-warm",
  "bleach-bypass",
]);
export type PresetId = z.infer<typeof presetIdSchema>;

/** A named set of grade parameters. A user preset has the same shape; storing it is the caller's job. */
export type GradePreset = { id: string; name: string; description: string; grade: GradeInput };

/** The built-in looks, each a plain parameter set (so a user can open one and adjust it). */
export const gradePresets: Record<PresetId, GradePreset> = {
  cinematic: {
    id: "cinematic",
    name: "Cinematic",
    description:
      "Teal-orange: shadows pushed to teal and highlights to orange so skin separates from the background, firmer contrast.",
    grade: {
      contrast: 1.15,
      lift: { r: -0.006, g: 0.002, b: 0.01 },
      gain: { r: 1.06, g: 1, b: 0.9 },
      saturation: 1.05,
      vibrance: 0.1,
      skinProtection: 0.6,
    },
  },
  vintage: {
    id: "vintage",
    name: "Vintage",
    description:
      "Faded print: lifted blacks, softer contrast, warm cast and muted colour, like aged film stock.",
    grade: {
      contrast: 0.85,
      lift: { master: 0.02, b: 0.006 },
      gain: { b: 0.94 },
      temperature: 20,
      tint: 6,
      saturation: 0.72,
      highlights: -0.3,
    },
  },
  moody: {
    id: "moody",
    name: "Moody",
    description:
      "Low-key and cool: darker exposure, deep shadows and desaturated colour for tension and drama.",
    grade: {
      exposure: -0.35,
      contrast: 1.2,
      shadows: -0.35,
      temperature: -12,
      lift: { b: 0.004 },
      saturation: 0.7,
    },
  },
  noir: {
    id: "noir",
    name: "Noir",
    description:
      "Black and white with hard contrast, bright highlights and inky shadows, after 1940s film noir.",
    grade: { saturation: 0, contrast: 1.4, shadows: -0.2, highlights: 0.25 },
  },
  "golden-hour": {
    id: "golden-hour",
    name: "Golden Hour",
    description:
      "Late-afternoon sun: a strong warm shift, a touch brighter, gentle highlights and richer colour.",
    grade: {
      temperature: 45,
      tint: 8,
      exposure: 0.15,
      gain: { r: 1.04, b: 0.94 },
      highlights: -0.2,
      saturation: 1.1,
      skinProtection: 0.4,
    },
  },
  "nollywood-warm": {
    id: "nollywood-warm",
    name: "Nollywood Warm",
    description:
      "Flattering on dark skin: warm, gentle contrast, opened shadows so detail in deep skin tones survives, and skin saturation protected.",
    grade: {
      temperature: 18,
      tint: 4,
      contrast: 0.92,
      shadows: 0.35,
      highlights: -0.2,
      gamma: { master: 1.04 },
      saturation: 1.05,
      vibrance: 0.15,
      skinProtection: 0.85,
    },
  },
  "bleach-bypass": {
    id: "bleach-bypass",
    name: "Bleach Bypass",
    description:
      "Silver retained in the print: low saturation, high contrast and bright, hard highlights, gritty and metallic.",
    grade: { saturation: 0.45, contrast: 1.45, highlights: 0.2, gain: { master: 1.03 } },
  },
};

/**
 * A preset's grade, optionally on top of other settings (e.g. the footage's input space): the preset's
 * parameters override `base`.
 */
export function presetGrade(id: PresetId, base: GradeInput = {}): Grade {
  return defineGrade({ ...base, ...gradePresets[id].grade });
}
