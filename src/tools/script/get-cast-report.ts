import { z } from "zod";
import { castList } from "../../media/script/index.ts";
import { defineTool } from "../tool.ts";
import { breakdownSelector, resolveBreakdown } from "./resolve-breakdown.ts";
import { breakdownReference, toBreakdownReference } from "./scene-view.ts";

const castRowView = z.object({
  castNumber: z.number(),
  name: z.string(),
  speaking: z.boolean(),
  age: z.string().nullable(),
  description: z.string().nullable(),
  sceneCount: z.number(),
  firstScene: z.string().nullable(),
  lastScene: z.string().nullable(),
  scenes: z.array(z.string()),
});

export const getCastReportTool = defineTool({
  name: "get-cast-report",
  title: "Cast report",
  description:
    "Returns the cast list of a script's latest breakdown: cast numbers (by size of part), speaking or not, age and description where the script gives them, the number of scenes, the first and last scene each appears in and every scene number. Use it for questions about who is in the film, how many days an actor is needed, or casting. Needs a breakdown (breakdown-script).",
  inputSchema: z.object(breakdownSelector),
  outputSchema: z.object({ breakdown: breakdownReference, cast: z.array(castRowView) }),
  cost: 0,
  annotations: { readOnly: true, destructive: false, longRunning: false, idempotent: true },
  examples: [
    "show me the cast list",
    "who is in the film?",
    "how many scenes is Brick in?",
    "cast report",
    "which actors we need and for how many scenes?",
  ],
  async execute(context, input) {
    const record = await resolveBreakdown(context.transaction, input);
    const { breakdown } = record.data;
    const cast = castList(breakdown).map((row) => ({
      ...row,
      scenes: breakdown.scenes
        .filter((scene) =>
          scene.elements.some((element) => element.category === "cast" && element.name === row.name),
        )
        .map((scene) => scene.number),
    }));
    return { breakdown: toBreakdownReference(record), cast };
  },
});
