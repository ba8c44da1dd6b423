import { z } from "zod";
import { gradePresets } from "../../media/color/index.ts";
import { defineTool } from "../tool.ts";
import { gradeAdjustmentsSchema } from "./grade-adjustments.ts";
import { listUserPresets } from "./grade-queries.ts";

const presetView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  source: z.enum(["built-in", "user"]),
  grade: gradeAdjustmentsSchema,
});

export const listPresetsTool = defineTool({
  name: "list-presets",
  title: "List colour grading presets",
  description:
    "Lists the built-in looks (Cinematic, Vintage, Moody, Noir, Golden Hour, Nollywood Warm, Bleach Bypass) and the user's own saved presets, each with what it does and its parameters. Use when the user asks which looks or presets there are.",
  inputSchema: z.object({}),
  outputSchema: z.object({ presets: z.array(presetView) }),
  cost: 0,
  annotations: { readOnly: true, destructive: false, longRunning: false, idempotent: true },
  examples: [
    "which looks do you have?",
    "list the presets",
    "show me my saved grades",
    "wetin be the grading options?",
  ],
  async execute(context) {
    const saved = await context.transaction((tx) => listUserPresets(tx));
    return {
      presets: [
        ...Object.values(gradePresets).map((preset) => ({
          id: preset.id,
          name: preset.name,
          description: preset.description,
          source: "built-in" as const,
          grade: gradeAdjustmentsSchema.parse(preset.grade),
        })),
        ...saved.map((preset) => ({
          id: preset.id,
          name: preset.name,
          description: preset.description,
          source: "user" as const,
          grade: gradeAdjustmentsSchema.parse(preset.grade),
        })),
      ],
    };
  },
});
