import { z } from "zod";
import { breakdownCategorySchema } from "../../media/script/index.ts";
import { defineTool } from "../tool.ts";
import { breakdownSelector, resolveBreakdown } from "./resolve-breakdown.ts";
import { breakdownReference, sceneView, toBreakdownReference, toSceneView } from "./scene-view.ts";

const contains = (text: string | null, part: string) =>
  (text ?? "").toLowerCase().includes(part.toLowerCase());

export const listScenesTool = defineTool({
  name: "list-scenes",
  title: "List the scenes of a breakdown",
  description:
    "Lists the scenes of a script's latest breakdown with set, day/night, page, length in eighths and elements. Filters: category (only scenes with an element of that category, e.g. stunts, animals, vehicles), location (part of the set or location name) and timeOfDay (DAY, NIGHT, …). Use it for questions like 'which scenes are at night?' or 'all the stunt scenes'. Needs a breakdown (breakdown-script).",
  inputSchema: z.object({
    ...breakdownSelector,
    category: breakdownCategorySchema.optional(),
    location: z.string().trim().min(1).max(200).optional(),
    timeOfDay: z.string().trim().min(1).max(50).optional(),
  }),
  outputSchema: z.object({
    breakdown: breakdownReference,
    totalScenes: z.number(),
    scenes: z.array(sceneView),
  }),
  cost: 0,
  annotations: { readOnly: true, destructive: false, longRunning: false, idempotent: true },
  examples: [
    "list the scenes",
    "which scenes are at night?",
    "show me all the stunt scenes",
    "scenes at Brick's patio",
    "wetin be the night scenes?",
    "scenes wey get vehicles",
  ],
  async execute(context, input) {
    const record = await resolveBreakdown(context.transaction, input);
    const { scenes } = record.data.breakdown;
    const matching = scenes.filter(
      (scene) =>
        (!input.category || scene.elements.some((element) => element.category === input.category)) &&
        (!input.location ||
          contains(scene.set, input.location) ||
          contains(scene.location, input.location)) &&
        (!input.timeOfDay || contains(scene.timeOfDay, input.timeOfDay)),
    );
    return {
      breakdown: toBreakdownReference(record),
      totalScenes: scenes.length,
      scenes: matching.map(toSceneView),
    };
  },
});
