import { z } from "zod";
import { inputColorSpaceSchema, presetIdSchema } from "../../media/color/index.ts";
import { gradeAdjustmentsSchema } from "./grade-adjustments.ts";

/**
 * A grade as the browser's live preview compiles it (`web/client/cards/color/live-grade-lut.ts`): the
 * spec with its names resolved (preset alias → id, the user preset laid under the adjustments) and the
 * creative `.cube` by file id, which the browser fetches and parses with the server's parser. Compiled
 * with the same `compileGrade`, it is the LUT the render applies.
 */
export const liveGradeSchema = z.object({
  preset: presetIdSchema.nullable(),
  adjustments: gradeAdjustmentsSchema,
  inputColorSpace: inputColorSpaceSchema,
  lut: z.object({ fileId: z.string(), mix: z.number().min(0).max(1) }).nullable(),
});

/** A grade for the live preview. */
export type LiveGrade = z.infer<typeof liveGradeSchema>;
