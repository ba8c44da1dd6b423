import { z } from "zod";
import { inputColorSpaceSchema } from "../../media/color/index.ts";
import { fileIdInput } from "../shared-schemas.ts";
import { gradeAdjustmentsSchema } from "./grade-adjustments.ts";
import { presetNameSchema } from "./preset-names.ts";

/**
 * A grade as tools take it: a built-in or saved preset, adjustments laid over it, an optional creative
 * `.cube` LUT with a mix, and the footage's colour space. Stored as is in grade versions and presets.
 */
export const gradeSpecSchema = z.object({
  preset: presetNameSchema
    .optional()
    .describe("a built-in look (teal-orange is cinematic); list-presets describes them"),
  userPreset: z.string().min(1).max(80).optional().describe("the name of one of the user's saved presets"),
  adjustments: gradeAdjustmentsSchema.optional().describe("parameters laid over the preset"),
  lutFileId: fileIdInput.optional().describe("a .cube file of the project applied as a creative look"),
  lutMix: z.number().min(0).max(1).default(1).describe("how much of the creative LUT, 0–1"),
  inputColorSpace: inputColorSpaceSchema
    .default("rec709")
    .describe("rec709 or srgb for normal footage and photos; a log curve for camera log footage"),
});

/** A grade as given to a tool. */
export type GradeSpec = z.infer<typeof gradeSpecSchema>;

/** The grade spec fields, for tools that take them beside their own. */
export const gradeSpecShape = gradeSpecSchema.shape;
