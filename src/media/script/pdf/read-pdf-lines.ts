import { getDocumentProxy } from "unpdf";
import { AppError } from "../../../lib/errors.ts";

/** A run of text on one printed line, separated from the next run by a wide gap. */
export interface PdfSegment {
  text: string;
  x: number;
  right: number;
}

/** One printed line of a PDF page, left to right. */
export interface PdfLine {
  page: number;
  y: number;
  segments: PdfSegment[];
}

/** The lines of every page of a PDF, with the page geometry needed to classify them. */
export interface PdfText {
  pages: PdfLine[][];
  pageWidth: number;
  pageHeight: number;
  fontSize: number;
}

interface Item {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

function groupIntoLines(items: Item[], page: number, charWidth: number): PdfLine[] {
  const rows: Item[][] = [];
  for (const item of [...items].sort((left, right) => right.y - left.y || left.x - right.x)) {
    const row = rows.at(-1);
    if (row?.[0] && Math.abs(row[0].y - item.y) < 2) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    const segments: PdfSegment[] = [];
    for (const item of row.sort((left, right) => left.x - right.x)) {
      const segment = segments.at(-1);
      const gap = segment ? item.x - segment.right : Number.POSITIVE_INFINITY;
      if (segment && gap < charWidth * 2.5) {
        segment.text += gap > charWidth * 0.4 ? " ".repeat(Math.max(1, Math.round(gap / charWidth))) : "";
        segment.text += item.text;
        segment.right = item.x + item.width;
      } else {
        segments.push({ text: item.text, x: item.x, right: item.x + item.width });
      }
    }
    return { page, y: row[0]?.y ?? 0, segments };
  });
}

/** Reads the text layer of a PDF into positioned lines; a PDF without one is refused as scanned. */
export async function readPdfLines(bytes: Uint8Array): Promise<PdfText> {
  let document: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    document = await getDocumentProxy(new Uint8Array(bytes));
  } catch (cause) {
    throw new AppError(
      "unprocessable:screenplay",
      "This PDF could not be read (it is damaged or encrypted).",
      { cause },
    );
  }
  const pageItems: Item[][] = [];
  let pageWidth = 612;
  let pageHeight = 792;
  const sizes = new Map<number, number>();
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const viewport = page.getViewport({ scale: 1 });
    if (number === 1) ({ width: pageWidth, height: pageHeight } = viewport);
    const content = await page.getTextContent();
    const items: Item[] = [];
    for (const item of content.items) {
      if (!("str" in item) || item.str.trim() === "") continue;
      const [scaleX = 12, , , scaleY = 12, x = 0, y = 0] = item.transform as number[];
      const size = Math.round(Math.abs(scaleY || scaleX));
      sizes.set(size, (sizes.get(size) ?? 0) + item.str.length);
      items.push({ text: item.str, x, y, width: item.width, size });
    }
    pageItems.push(items);
  }
  await document.destroy();
  const fontSize = [...sizes.entries()].sort((left, right) => right[1] - left[1])[0]?.[0];
  if (fontSize === undefined) {
    throw new AppError(
      "unprocessable:screenplay",
      "This PDF has no text layer (it looks scanned). Export a text PDF or upload the Fountain/FDX file.",
    );
  }
  // Courier advances 0.6 em per character.
  const pages = pageItems.map((items, index) => groupIntoLines(items, index + 1, fontSize * 0.6));
  return { pages, pageWidth, pageHeight, fontSize };
}
