import type { TitlePageEntry } from "../screenplay-model.ts";
import type { PdfColumns } from "./pdf-columns.ts";
import type { PdfLine } from "./read-pdf-lines.ts";

const datePattern = /\b(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|(?:19|20)\d{2}|draft)\b/i;

function paragraphsOf(lines: PdfLine[], lineHeight: number): PdfLine[][] {
  const paragraphs: PdfLine[][] = [];
  for (const line of [...lines].sort((top, bottom) => bottom.y - top.y)) {
    const paragraph = paragraphs.at(-1);
    const previous = paragraph?.at(-1);
    if (
      paragraph &&
      previous &&
      previous.y - line.y < lineHeight * 1.5 &&
      Math.abs(previous.segments[0]!.x - line.segments[0]!.x) < 150
    ) {
      paragraph.push(line);
    } else {
      paragraphs.push([line]);
    }
  }
  return paragraphs;
}

const textOf = (paragraph: PdfLine[]) =>
  paragraph.map((line) => line.segments.map((segment) => segment.text.trim()).join(" ")).join("\n");

/**
 * Reads a title page laid out the usual way: centred title, credit and author in the upper half;
 * contact and draft date in the lower corners.
 */
export function readPdfTitlePage(
  lines: PdfLine[],
  columns: PdfColumns,
  pageHeight: number,
): TitlePageEntry[] {
  const entries: TitlePageEntry[] = [];
  for (const paragraph of paragraphsOf(lines, columns.lineHeight)) {
    const text = textOf(paragraph);
    const first = paragraph[0]!;
    const upper = first.y > pageHeight / 2.6;
    const centered =
      Math.abs((first.segments[0]!.x + first.segments.at(-1)!.right) / 2 - columns.pageCenter) <
      columns.charWidth * 3;
    const keys = new Set(entries.map((entry) => entry.key));
    let key: string;
    if (upper && centered) {
      if (!keys.has("Title")) key = "Title";
      else if (/^(?:written\s+by|screenplay\s+by|by|teleplay\s+by)$/i.test(text)) key = "Credit";
      else if (keys.has("Credit") && !keys.has("Author")) key = "Author";
      else key = "Source";
    } else if (datePattern.test(text) && !keys.has("Draft date") && text.split("\n").length <= 2) {
      key = "Draft date";
    } else {
      key = keys.has("Contact") ? "Notes" : "Contact";
    }
    entries.push({ key, value: text });
  }
  return entries;
}
