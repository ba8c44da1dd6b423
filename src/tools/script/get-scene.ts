import { z } from "zod";
import { AppError } from "../../lib/errors.ts";
import { defineTool } from "../tool.ts";
import { breakdownSelector, resolveBreakdown } from "./resolve-breakdown.ts";
import { breakdownReference, sceneView, toBreakdownReference, toSceneView } from "./scene-view.ts";

export const getSceneTool = defineTool({
  name: "get-scene",
  title: "Show one scene's breakdown",
  description:
    "Returns the breakdown of one scene by its number (as in the script or the one-liner: 1, 12, 12A): heading, set, day/night, page, length, synopsis, the characters who speak and every element by category. Needs a breakdown (breakdown-script).",
  inputSchema: z.object({
    ...breakdownSelector,
    sceneNumber: z.union([z.string().trim().min(1).max(20), z.number().int().positive()]),
  }),
  outputSchema: z.object({
    breakdown: breakdownReference,
    scene: sceneView.extend({ speaking: z.array(z.string()) }),
  }),
  cost: 0,
  annotations: { readOnly: true, destructive: false, longRunning: false, idempotent: true },
  examples: [
    "show me scene 3",
    "what do we need for scene 12?",
    "breakdown of scene 5",
    "wetin dey inside scene 2?",
  ],
  async execute(context, input) {
    const record = await resolveBreakdown(context.transaction, input);
    const wanted = String(input.sceneNumber).toUpperCase();
    const { scenes } = record.data.breakdown;
    const scene = scenes.find((candidate) => candidate.number.toUpperCase() === wanted);
    if (!scene) {
      throw new AppError(
        "not_found:scene",
        `There is no scene ${wanted} in the breakdown of "${record.fileName}" (scenes ${scenes[0]?.number ?? "?"} to ${scenes.at(-1)?.number ?? "?"}); list the scenes to find it.`,
      );
    }
    return {
      breakdown: toBreakdownReference(record),
      scene: { ...toSceneView(scene), speaking: scene.speaking },
    };
  },
});
