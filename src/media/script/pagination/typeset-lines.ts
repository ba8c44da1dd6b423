import type { ScreenplayElement, ScreenplayElementType } from "../screenplay-model.ts";
import type { PageLayout } from "./layout.ts";
import { wrapText } from "./wrap-text.ts";

/** One printed line of the screenplay body (or a blank, or a forced page break). */
export interface TypesetLine {
  kind: ScreenplayElementType | "blank";
  elementIndex: number;
  /** Id of the hard source line the printed line wraps, so a short paragraph can be kept together. */
  group: number;
  indexInGroup: number;
  groupSize: number;
  dual: boolean;
}

const unprinted = new Set<ScreenplayElementType>(["note", "section", "synopsis"]);
const speech = new Set<ScreenplayElementType>(["character", "parenthetical", "dialogue"]);

function widthOf(element: ScreenplayElement, layout: PageLayout): number {
  const { widths } = layout;
  const byType: Partial<Record<ScreenplayElementType, number>> = {
    scene_heading: widths.sceneHeading,
    character: widths.character,
    parenthetical: widths.parenthetical,
    dialogue: widths.dialogue,
    transition: widths.transition,
  };
  const width = byType[element.type] ?? widths.action;
  return element.dual ? Math.floor(width * layout.dualFactor) : width;
}

/** Lays the elements out as printed lines: wrapped to their column, one blank line between blocks. */
export function typesetLines(elements: ScreenplayElement[], layout: PageLayout): TypesetLine[] {
  const lines: TypesetLine[] = [];
  let group = 0;
  let leftColumnLines = 0;
  let rightColumnLines = 0;
  elements.forEach((element, elementIndex) => {
    if (unprinted.has(element.type)) return;
    if (element.type === "page_break") {
      lines.push({
        kind: "page_break",
        elementIndex,
        group: group++,
        indexInGroup: 0,
        groupSize: 1,
        dual: false,
      });
      return;
    }
    const continuesSpeech = element.type !== "character" && speech.has(element.type);
    const hardLines = element.text
      .split("\n")
      .map((hardLine) => wrapText(hardLine, widthOf(element, layout)));
    const count = hardLines.reduce((sum, wrapped) => sum + wrapped.length, 0);
    if (element.dual === "right") {
      // The right column prints beside the left one: only what it adds below the left column counts.
      rightColumnLines += count;
      const extra = rightColumnLines - leftColumnLines;
      for (let index = 0; index < extra; index += 1) {
        lines.push({
          kind: "dialogue",
          elementIndex,
          group,
          indexInGroup: index,
          groupSize: extra,
          dual: true,
        });
      }
      leftColumnLines = Math.max(leftColumnLines, rightColumnLines);
      group += 1;
      return;
    }
    if (element.type === "character") {
      leftColumnLines = 0;
      rightColumnLines = 0;
    }
    if (lines.length > 0 && !continuesSpeech) {
      lines.push({ kind: "blank", elementIndex, group: group++, indexInGroup: 0, groupSize: 1, dual: false });
    }
    for (const wrapped of hardLines) {
      wrapped.forEach((_text, indexInGroup) => {
        lines.push({
          kind: element.type,
          elementIndex,
          group,
          indexInGroup,
          groupSize: wrapped.length,
          dual: Boolean(element.dual),
        });
      });
      group += 1;
    }
    if (element.dual === "left") leftColumnLines += count;
  });
  return lines;
}
