import { z } from "zod";
import { AppError } from "../../lib/errors.ts";
import { type GradeInput, gradePresets, layerGrade } from "../../media/color/index.ts";
import { defineTool } from "../tool.ts";
import { gradeAdjustmentsSchema } from "./grade-adjustments.ts";
import { upsertUserPreset } from "./grade-queries.ts";
import { gradeSpecShape } from "./grade-spec.ts";
import { presetIdOf } from "./preset-names.ts";

export const savePresetTool = defineTool({
  name: "save-preset",
  title: "Save a colour grading preset",
  description:
    "Saves a grade (a built-in preset as a starting point plus adjustments) under a name in the user's account, to use later as userPreset in grade-media, preview-grade and export-lut. Saving under an existing name replaces that preset. Creative LUT files are not part of a preset.",
  inputSchema: z.object({
    name: z.string().trim().min(1).max(80).describe("the preset's name, unique per user"),
    description: z.string().max(500).default(""),
    preset: gradeSpecShape.preset,
    adjustments: gradeSpecShape.adjustments,
  }),
  outputSchema: z.object({
    id: z.string(),
    name: z.string(),
    replaced: z.boolean(),
    grade: gradeAdjustmentsSchema,
  }),
  cost: 0,
  annotations: { readOnly: false, destructive: false, longRunning: false, idempotent: true },
  examples: ["save this look as Lagos Night", "keep this grade as my preset", "save am as my wedding look"],
  async execute(context, input) {
    if (!input.preset && (!input.adjustments || Object.keys(input.adjustments).length === 0)) {
      throw new AppError("bad_request:preset", "Give a preset to start from or some adjustments to save.");
    }
    const grade = gradeAdjustmentsSchema.parse(
      layerGrade<GradeInput>(
        input.preset ? gradePresets[presetIdOf(input.preset)].grade : {},
        input.adjustments,
      ),
    );
    const { preset, replaced } = await context.transaction((tx) =>
      upsertUserPreset(tx, {
        ownerId: context.user.id,
        name: input.name,
        description: input.description,
        grade,
      }),
    );
    return { id: preset.id, name: preset.name, replaced, grade };
  },
});
