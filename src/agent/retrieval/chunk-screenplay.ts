import type { Screenplay, ScreenplayElement } from "../../media/script/index.ts";
import { type ChunkDraft, type ChunkSizes, defaultChunkSizes, hashContent } from "./chunk-draft.ts";
import { packPassages } from "./pack-passages.ts";
import { renderSceneLines, tidyHeading } from "./render-scene.ts";

type SceneGroup = { index: number | null; elements: ScreenplayElement[]; firstElement: number };

function groupByScene(screenplay: Screenplay): SceneGroup[] {
  const groups: SceneGroup[] = [];
  screenplay.elements.forEach((element, position) => {
    const last = groups.at(-1);
    if (last && last.index === element.sceneIndex) last.elements.push(element);
    else groups.push({ index: element.sceneIndex, elements: [element], firstElement: position });
  });
  return groups;
}

/**
 * One passage per scene (heading and content); a long scene is split at line boundaries into parts that
 * overlap, each starting with the heading. What comes before the first scene (title page, opening text)
 * is one passage of its own. Scene numbers are the script's own, else the scene's position (1-based).
 */
export function chunkScreenplay(input: {
  screenplay: Screenplay;
  pages: Array<number | null>;
  sourceLabel: string;
  sizes?: ChunkSizes;
}): ChunkDraft[] {
  const sizes = input.sizes ?? defaultChunkSizes;
  const drafts: ChunkDraft[] = [];
  const push = (label: string, content: string, metadata: Record<string, unknown>) => {
    drafts.push({ ordinal: drafts.length, label, content, contentHash: hashContent(content), metadata });
  };
  const groups = groupByScene(input.screenplay);
  const opening = groups[0]?.index === null ? groups.shift() : undefined;
  const titleLines = input.screenplay.titlePage.map(
    ({ key, value }) => `${key}: ${value.replace(/\s+/g, " ")}`,
  );
  const openingLines = [...titleLines, ...renderSceneLines(opening?.elements ?? [])];
  if (openingLines.length > 0) {
    const parts = packPassages(openingLines, sizes, { separator: "\n" });
    parts.forEach((part, index) => {
      const suffix = parts.length > 1 ? ` (part ${index + 1}/${parts.length})` : "";
      push(`${input.sourceLabel} — Title page and opening${suffix}`, part.join("\n"), {
        scene: null,
        page: opening ? (input.pages[opening.firstElement] ?? null) : null,
        part: index + 1,
        parts: parts.length,
      });
    });
  }
  for (const group of groups) {
    const page = input.pages[group.firstElement] ?? null;
    const headingElement = group.elements.find((element) => element.type === "scene_heading");
    const heading = tidyHeading(headingElement?.text ?? "");
    const sceneNumber = headingElement?.sceneNumber ?? String((group.index ?? 0) + 1);
    const body = renderSceneLines(group.elements.filter((element) => element !== headingElement));
    const parts = packPassages(body.length > 0 ? body : [""], sizes, {
      separator: "\n",
      reserved: heading.length + 14,
    });
    parts.forEach((part, index) => {
      const headingLine = index === 0 ? heading : `${heading} (continued)`;
      const content = [headingLine, ...part].join("\n").trim();
      const suffix = parts.length > 1 ? ` (part ${index + 1}/${parts.length})` : "";
      push(`${input.sourceLabel} — Scene ${sceneNumber}: ${heading}${suffix}`, content, {
        scene: sceneNumber,
        sceneIndex: group.index,
        heading,
        page,
        part: index + 1,
        parts: parts.length,
      });
    });
  }
  return drafts;
}
