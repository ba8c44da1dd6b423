import { z } from "zod";
import type { Breakdown, BreakdownScene } from "../breakdown-model.ts";
import { breakdownCategorySchema } from "../categories.ts";

/** Where a correction applies: the scene (number and heading, as in `BreakdownScene.key`) and the element's name. */
const target = { sceneKey: z.string().min(1), name: z.string().min(1) };

/** A user's correction of a breakdown, kept so that it survives re-running the extraction. */
export const correctionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("add"), ...target, category: breakdownCategorySchema }),
  z.object({ kind: z.literal("remove"), ...target, category: breakdownCategorySchema }),
  z.object({
    kind: z.literal("recategorise"),
    ...target,
    from: breakdownCategorySchema,
    to: breakdownCategorySchema,
  }),
]);
export type Correction = z.infer<typeof correctionSchema>;

const headingOf = (key: string) => key.replace(/^\S+\s+/, "");
const sameName = (left: string, right: string) => left.trim().toLowerCase() === right.trim().toLowerCase();

/** The scene a key names: the same number and heading, or else the only scene with that heading (renumbered script). */
function findScene(scenes: BreakdownScene[], key: string): BreakdownScene | undefined {
  const exact = scenes.find((scene) => scene.key === key);
  if (exact) return exact;
  const byHeading = scenes.filter((scene) => headingOf(scene.key) === headingOf(key));
  return byHeading.length === 1 ? byHeading[0] : undefined;
}

/**
 * Applies corrections, in order, onto a freshly built breakdown (which is not modified). Corrections
 * whose scene or element no longer exists are returned in `unapplied` rather than dropped silently.
 */
export function applyCorrections(
  breakdown: Breakdown,
  corrections: Correction[],
): { breakdown: Breakdown; unapplied: Correction[] } {
  const result: Breakdown = structuredClone(breakdown);
  const unapplied: Correction[] = [];
  for (const correction of corrections) {
    const scene = findScene(result.scenes, correction.sceneKey);
    if (!scene) {
      unapplied.push(correction);
      continue;
    }
    const category = correction.kind === "recategorise" ? correction.from : correction.category;
    const index = scene.elements.findIndex(
      (element) => element.category === category && sameName(element.name, correction.name),
    );
    if (correction.kind === "add") {
      if (index < 0)
        scene.elements.push({
          category: correction.category,
          name: correction.name,
          origin: "correction",
          source: null,
        });
    } else if (index < 0) {
      unapplied.push(correction);
    } else if (correction.kind === "remove") {
      scene.elements.splice(index, 1);
    } else {
      const element = scene.elements[index];
      if (element) scene.elements[index] = { ...element, category: correction.to, origin: "correction" };
    }
  }
  return { breakdown: result, unapplied };
}
