import { type Breakdown, categoryStyles } from "../../media/script/index.ts";

/**
 * The breakdown as plain text for retrieval: one paragraph per scene (heading, page, cast and elements by
 * category) and one for the cast, so "which scenes need the goat?" finds the right passage.
 */
export function breakdownSummaryText(breakdown: Breakdown, fileName: string): string {
  const scenes = breakdown.scenes.map((scene) => {
    const byCategory = new Map<string, string[]>();
    for (const element of scene.elements) {
      const label = categoryStyles[element.category].label;
      byCategory.set(label, [...(byCategory.get(label) ?? []), element.name]);
    }
    const lines = [...byCategory].map(([label, names]) => `${label}: ${names.join(", ")}.`);
    return [
      `Breakdown of ${fileName}, scene ${scene.number}: ${scene.heading} (page ${scene.page}, story day ${scene.storyDay ?? "unknown"}).`,
      scene.synopsis,
      ...lines,
    ]
      .filter((line) => line.trim() !== "")
      .join("\n");
  });
  const cast = breakdown.characters
    .map((character) => `${character.castNumber}. ${character.name} (${character.sceneKeys.length} scenes)`)
    .join("; ");
  return [`Cast list of ${fileName}: ${cast}.`, ...scenes].join("\n\n");
}
