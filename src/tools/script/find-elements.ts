import { z } from "zod";
import { type Breakdown, breakdownCategorySchema, categoryStyles } from "../../media/script/index.ts";
import { defineTool } from "../tool.ts";
import { breakdownSelector, resolveBreakdown } from "./resolve-breakdown.ts";
import { breakdownReference, toBreakdownReference } from "./scene-view.ts";

const stopWords = new Set(
  "a an and any are de dey do does for get go i in is me my of on or scene scenes show the to we wey wetin what where which who with need needs needed use used uses the abeg find list all".split(
    " ",
  ),
);

/** The words of a request that can name an element ("which scenes need the goat?" → ["goat"]). */
export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .map((word) => word.replace(/'s$/, "").replace(/s$/, ""))
    .filter((word) => word.length > 1 && !stopWords.has(word));
}

const matchView = z.object({
  category: breakdownCategorySchema,
  categoryLabel: z.string(),
  name: z.string(),
  scenes: z.array(z.object({ key: z.string(), number: z.string(), heading: z.string() })),
});

/** The elements whose name or category matches the request, each with the scenes it is in. */
export function findElements(
  breakdown: Breakdown,
  query: string,
  category?: z.infer<typeof breakdownCategorySchema>,
): Array<z.infer<typeof matchView>> {
  const words = queryWords(query);
  const matches = new Map<string, z.infer<typeof matchView>>();
  for (const scene of breakdown.scenes) {
    for (const element of scene.elements) {
      if (category && element.category !== category) continue;
      const label = categoryStyles[element.category].label.toLowerCase();
      const name = element.name.toLowerCase();
      const hit =
        words.length === 0
          ? Boolean(category)
          : words.some((word) => name.includes(word) || label.includes(word));
      if (!hit) continue;
      const id = `${element.category}:${name}`;
      const match = matches.get(id) ?? {
        category: element.category,
        categoryLabel: categoryStyles[element.category].label,
        name: element.name,
        scenes: [],
      };
      matches.set(id, match);
      if (!match.scenes.some((existing) => existing.key === scene.key)) {
        match.scenes.push({ key: scene.key, number: scene.number, heading: scene.heading });
      }
    }
  }
  return [...matches.values()];
}

export const findElementsTool = defineTool({
  name: "find-elements",
  title: "Find elements in a breakdown",
  description:
    "Finds breakdown elements (props, animals, vehicles, stunts, wardrobe, extras, cast…) by words of a request and says which scenes need each one, e.g. 'which scenes need the goat?' or 'where do we use the beers?'. Optionally limit to a category. Needs a breakdown (breakdown-script); for questions about the story itself use search-project.",
  inputSchema: z.object({
    ...breakdownSelector,
    query: z.string().trim().min(1, { error: "query must name what to look for" }).max(500),
    category: breakdownCategorySchema.optional(),
  }),
  outputSchema: z.object({ breakdown: breakdownReference, query: z.string(), matches: z.array(matchView) }),
  cost: 0,
  annotations: { readOnly: true, destructive: false, longRunning: false, idempotent: true },
  examples: [
    "which scenes need the goat?",
    "where do we use the beers?",
    "find the guns in the breakdown",
    "which scenes get motorcycle?",
    "all the animals in the script",
    "where dem need police uniform?",
  ],
  async execute(context, input) {
    const record = await resolveBreakdown(context.transaction, input);
    return {
      breakdown: toBreakdownReference(record),
      query: input.query,
      matches: findElements(record.data.breakdown, input.query, input.category),
    };
  },
});
