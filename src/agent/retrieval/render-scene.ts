import type { ScreenplayElement } from "../../media/script/index.ts";

/** A scene heading with its runs of spaces closed up: `INT.  BLOOM HOUSE` → `INT. BLOOM HOUSE`. */
export function tidyHeading(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

const skipped = new Set<ScreenplayElement["type"]>(["page_break", "note"]);

/**
 * A scene as lines of readable text: the heading, action, and each speech as `NAME (aside): words`, so a
 * character's name sits next to what they say (both for full-text search and for the embedding).
 */
export function renderSceneLines(elements: ScreenplayElement[]): string[] {
  const lines: string[] = [];
  let speaker: string | undefined;
  let speech: string[] = [];
  const flush = () => {
    if (speaker !== undefined) lines.push(`${speaker}: ${speech.join(" ")}`.trim());
    speaker = undefined;
    speech = [];
  };
  for (const element of elements) {
    const text = element.text.replace(/[ \t]+/g, " ").trim();
    if (element.type === "character") {
      flush();
      speaker = (element.character ?? text).trim();
      if (element.extensions?.length) speaker += ` (${element.extensions.join(", ")})`;
      continue;
    }
    if (speaker !== undefined && (element.type === "dialogue" || element.type === "parenthetical")) {
      if (text !== "") speech.push(text);
      continue;
    }
    flush();
    if (skipped.has(element.type) || text === "") continue;
    lines.push(element.type === "scene_heading" ? tidyHeading(text) : text);
  }
  flush();
  return lines;
}
