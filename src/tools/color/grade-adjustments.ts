import { z } from "zod";

// The grade's own schema fills every default, so a preset under it would be reset to neutral; these
// fields have no defaults and are laid over the preset (the ranges are checked again by `defineGrade`).
const channels = (min: number, max: number) =>
  z
    .object({
      master: z.number().min(min).max(max),
      r: z.number().min(min).max(max),
      g: z.number().min(min).max(max),
      b: z.number().min(min).max(max),
    })
    .partial();

/** Grade parameters a caller sets on top of a preset (or of neutral); every field is optional. */
export const gradeAdjustmentsSchema = z
  .object({
    exposure: z.number().min(-6).max(6).describe("stops; +1 doubles the light"),
    contrast: z.number().min(0.25).max(3).describe("1 unchanged, above 1 punchier"),
    pivot: z.number().min(0.01).max(0.9).describe("linear value contrast leaves alone (0.18)"),
    saturation: z.number().min(0).max(3).describe("0 monochrome, 1 unchanged"),
    vibrance: z.number().min(-1).max(1).describe("saturation that favours muted colours"),
    temperature: z.number().min(-150).max(150).describe("positive warmer, negative cooler"),
    tint: z.number().min(-150).max(150).describe("positive magenta, negative green"),
    chromaticAdaptation: z.enum(["bradford", "cat02"]),
    lift: channels(-0.25, 0.25).describe("raise (+) or crush (−) blacks, per channel"),
    gamma: channels(0.2, 5).describe("midtone power, above 1 brightens"),
    gain: channels(0, 4).describe("multiplier on the whole range, per channel"),
    highlights: z.number().min(-1).max(1),
    shadows: z.number().min(-1).max(1),
    skinProtection: z.number().min(0).max(1).describe("how much colour changes spare skin, 0–1"),
  })
  .partial();

/** Adjustments as given (only the fields the caller set). */
export type GradeAdjustments = z.infer<typeof gradeAdjustmentsSchema>;
