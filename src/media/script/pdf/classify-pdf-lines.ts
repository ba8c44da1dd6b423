import type { ScreenplayElementType } from "../screenplay-model.ts";
import { type CleanLine, indentOf, type PdfColumns } from "./pdf-columns.ts";

/** A printed line with the element type its position and content give it. */
export interface TypedLine {
  type: ScreenplayElementType | "more";
  text: string;
  page: number;
  y: number;
  sceneNumber?: string;
  dual?: "left" | "right";
  /** First line of a printed paragraph (a blank line came before it). */
  startsParagraph: boolean;
}

const sluglinePattern = /^(?:\d+[A-Z]?\.?\s+)?(?:INT|EXT|EST|INT\.?\s?\/\s?EXT|EXT\.?\/INT|I\/E)[.\s]/i;
const leftTransitionPattern = /^(?:FADE IN:|FADE OUT\.?|FADE TO BLACK\.?|CUT TO BLACK\.?)$/;
const isUpper = (text: string) => /\p{L}/u.test(text) && text === text.toUpperCase();

function textOf(line: CleanLine): string {
  return line.segments.map((segment) => segment.text.trim()).join("   ");
}

/** Dual dialogue opens with two cues side by side; returns where the right column starts, if so. */
function dualColumnStart(paragraph: CleanLine[], columns: PdfColumns): number | null {
  const [left, right] = paragraph[0]?.segments ?? [];
  if (!left || !right || paragraph[0]?.segments.length !== 2) return null;
  const cues = isUpper(left.text) && isUpper(right.text);
  if (!cues || indentOf(left, columns) < 2 || right.x < columns.pageCenter - columns.charWidth * 4)
    return null;
  // The right column's speech starts a few characters left of its cue.
  return right.x - columns.charWidth * 7;
}

function classifyDual(paragraph: CleanLine[], rightStart: number): TypedLine[] {
  const sides: Record<"left" | "right", TypedLine[]> = { left: [], right: [] };
  for (const line of paragraph) {
    const texts = { left: [] as string[], right: [] as string[] };
    for (const segment of line.segments)
      texts[segment.x < rightStart ? "left" : "right"].push(segment.text.trim());
    for (const side of ["left", "right"] as const) {
      const text = texts[side].join(" ");
      if (!text) continue;
      const column = sides[side];
      const type =
        column.length === 0
          ? "character"
          : text === "(MORE)"
            ? "more"
            : text.startsWith("(")
              ? "parenthetical"
              : "dialogue";
      column.push({
        type,
        text,
        page: line.line.page,
        y: line.line.y,
        dual: side,
        startsParagraph: column.length === 0,
      });
    }
  }
  return [...sides.left, ...sides.right];
}

function classifySingle(
  line: CleanLine,
  next: CleanLine | undefined,
  previous: TypedLine | undefined,
  columns: PdfColumns,
): TypedLine["type"] {
  const text = textOf(line);
  const first = line.segments[0]!;
  const indent = indentOf(first, columns);
  const right = line.segments.at(-1)?.right ?? first.right;
  const nextIndent = next ? indentOf(next.segments[0]!, columns) : Number.NaN;
  if (text === "(MORE)") return "more";
  if (indent < 2) {
    if (line.sceneNumber !== undefined || sluglinePattern.test(text)) return "scene_heading";
    if (leftTransitionPattern.test(text)) return "transition";
    return "action";
  }
  if (previous?.type === "parenthetical" && !previous.text.includes(")") && indent >= 6)
    return "parenthetical";
  const speechFollows = nextIndent >= 4 && nextIndent < 19 && !Number.isNaN(nextIndent);
  if (indent >= 17 && indent < 35 && isUpper(text.replace(/\([^)]*\)/g, "")) && speechFollows)
    return "character";
  if (right >= columns.actionRight - columns.charWidth * 2 && indent > 25 && isUpper(text))
    return "transition";
  const center = (first.x + right) / 2;
  const inSpeech =
    previous?.type === "character" || previous?.type === "dialogue" || previous?.type === "parenthetical";
  if (!inSpeech && indent >= 4 && Math.abs(center - columns.pageCenter) < columns.charWidth * 2)
    return "centered";
  if (text.startsWith("(") && (indent >= 12 || (inSpeech && indent >= 6))) return "parenthetical";
  if (indent >= 6 && indent < 17) return "dialogue";
  return indent >= 17 && isUpper(text) ? "character" : "action";
}

/** Classifies the printed lines of a page, paragraph by paragraph, from their indents and content. */
export function classifyLines(lines: CleanLine[], columns: PdfColumns): TypedLine[] {
  const paragraphs: CleanLine[][] = [];
  for (const line of lines) {
    const paragraph = paragraphs.at(-1);
    const previous = paragraph?.at(-1);
    if (
      paragraph &&
      previous &&
      previous.line.page === line.line.page &&
      previous.line.y - line.line.y < columns.lineHeight * 1.5
    ) {
      paragraph.push(line);
    } else {
      paragraphs.push([line]);
    }
  }
  const typed: TypedLine[] = [];
  for (const paragraph of paragraphs) {
    const rightStart = dualColumnStart(paragraph, columns);
    if (rightStart !== null) {
      typed.push(...classifyDual(paragraph, rightStart));
      continue;
    }
    paragraph.forEach((line, index) => {
      const type = classifySingle(line, paragraph[index + 1], index > 0 ? typed.at(-1) : undefined, columns);
      typed.push({
        type,
        text: textOf(line),
        page: line.line.page,
        y: line.line.y,
        startsParagraph: index === 0,
        ...(line.sceneNumber ? { sceneNumber: line.sceneNumber } : {}),
      });
    });
  }
  return typed;
}
