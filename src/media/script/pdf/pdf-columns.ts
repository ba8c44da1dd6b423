import type { PdfLine, PdfSegment, PdfText } from "./read-pdf-lines.ts";

/** Where the columns of a screenplay page are, measured from its own text. */
export interface PdfColumns {
  charWidth: number;
  lineHeight: number;
  leftMargin: number;
  /** The right edge of action text; transitions end here and right-hand scene numbers start past it. */
  actionRight: number;
  pageCenter: number;
}

const sceneNumberPattern = /^\(?[A-Z]?\d+[A-Z]?\.?\)?$/;
const pageNumberPattern = /^(?:page\s+)?\d+\.?$/i;

/** Finds the action column (leftmost column many lines share) and the right edge of the text area. */
export function findColumns(text: PdfText): PdfColumns {
  const charWidth = text.fontSize * 0.6;
  const counts = new Map<number, number>();
  let total = 0;
  const rights: number[] = [];
  for (const line of text.pages.flat()) {
    for (const segment of line.segments) {
      if (segment.text.length < 4) continue;
      const x = Math.round(segment.x);
      counts.set(x, (counts.get(x) ?? 0) + 1);
      total += 1;
      rights.push(segment.right);
    }
  }
  const columns = [...counts.entries()]
    .filter(([, count]) => count >= Math.max(2, total * 0.03))
    .map(([x]) => x);
  const leftMargin = columns.length > 0 ? Math.min(...columns) : 108;
  rights.sort((left, right) => left - right);
  const actionRight = Math.max(rights[Math.floor(rights.length * 0.98)] ?? 0, leftMargin + 55 * charWidth);
  return { charWidth, lineHeight: text.fontSize, leftMargin, actionRight, pageCenter: text.pageWidth / 2 };
}

/** A line without page furniture, with any scene number found in its margins. */
export interface CleanLine {
  line: PdfLine;
  segments: PdfSegment[];
  sceneNumber?: string;
}

/** Removes page numbers and `CONTINUED` furniture; takes scene numbers out of the margins. */
export function cleanLine(line: PdfLine, columns: PdfColumns, pageHeight: number): CleanLine | null {
  const only = line.segments.length === 1 ? line.segments[0]?.text.trim() : undefined;
  const inHeaderOrFooter = line.y > pageHeight - 72 + columns.lineHeight / 2 || line.y < 54;
  if (only && inHeaderOrFooter && pageNumberPattern.test(only)) return null;
  const joined = line.segments.map((segment) => segment.text.trim()).join(" ");
  if (/^\(?CONTINUED\)?:?(?:\s*\(\d+\))?$/i.test(joined) || /^\d*\s*CONTINUED:?\s*\d*$/i.test(joined))
    return null;
  let sceneNumber: string | undefined;
  const segments = line.segments.filter((segment) => {
    const inMargin =
      segment.right < columns.leftMargin - columns.charWidth / 2 ||
      segment.x > columns.actionRight + columns.charWidth / 2;
    if (inMargin && sceneNumberPattern.test(segment.text.trim())) {
      sceneNumber ??= segment.text.trim().replace(/[().]/g, "");
      return false;
    }
    return true;
  });
  if (segments.length === 0) return null;
  return { line, segments, ...(sceneNumber ? { sceneNumber } : {}) };
}

/** Indent of a segment from the action column, in characters. */
export function indentOf(segment: PdfSegment, columns: PdfColumns): number {
  return (segment.x - columns.leftMargin) / columns.charWidth;
}
