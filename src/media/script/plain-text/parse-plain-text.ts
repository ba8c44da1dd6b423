import { assignScenes } from "../assign-scenes.ts";
import { parseFountain } from "../fountain/parse-fountain.ts";
import { buildPdfElements } from "../pdf/build-pdf-elements.ts";
import { classifyLines } from "../pdf/classify-pdf-lines.ts";
import { cleanLine, findColumns } from "../pdf/pdf-columns.ts";
import type { PdfLine, PdfText } from "../pdf/read-pdf-lines.ts";
import type { Screenplay } from "../screenplay-model.ts";

const charWidth = 7.2;
const lineHeight = 12;

function expandTabs(line: string): string {
  return line.replace(/[^\t]*\t/g, (run) => {
    const before = run.slice(0, -1);
    return before + " ".repeat(8 - (before.length % 8));
  });
}

/** Whether the text is laid out with screenplay indents (cues and dialogue pushed right with spaces). */
export function hasScreenplayIndentation(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const indented = lines.filter((line) => /^(?: {8,}|\t{2,})\S/.test(line)).length;
  return lines.length > 0 && indented / lines.length > 0.2;
}

/** Turns indented text into positioned lines, one character 7.2 pt wide, as a Courier page would print it. */
function asPositionedText(text: string): PdfText {
  const pages = text.replace(/\r\n?/g, "\n").split("\f");
  const longest = Math.max(...pages.map((page) => page.split("\n").length));
  const pageHeight = 144 + lineHeight * longest;
  const positioned = pages.map((page, pageIndex) =>
    page.split("\n").flatMap((raw, lineIndex): PdfLine[] => {
      const line = expandTabs(raw).trimEnd();
      const indent = line.length - line.trimStart().length;
      if (line.trim() === "") return [];
      const x = 72 + indent * charWidth;
      const segments = line
        .trim()
        .split(/ {4,}/)
        .reduce<PdfLine["segments"]>((all, part) => {
          const at = line.indexOf(
            part,
            all.length > 0 ? Math.round((all.at(-1)!.right - 72) / charWidth) : indent,
          );
          all.push({ text: part, x: 72 + at * charWidth, right: 72 + (at + part.length) * charWidth });
          return all;
        }, []);
      return [
        {
          page: pageIndex + 1,
          y: pageHeight - 72 - lineHeight * (lineIndex + 1) + 4,
          segments: segments.length > 0 ? segments : [{ text: line.trim(), x, right: x }],
        },
      ];
    }),
  );
  return { pages: positioned, pageWidth: 612, pageHeight, fontSize: 12 };
}

/**
 * Parses plain text: laid out with screenplay indents it is read by column like a PDF; written with
 * Fountain-like conventions (blank lines, caps cues) it is read as Fountain.
 */
export function parsePlainText(text: string): Screenplay {
  if (!hasScreenplayIndentation(text)) return { ...parseFountain(text), format: "text" };
  const positioned = asPositionedText(text);
  const columns = findColumns(positioned);
  const lines = positioned.pages.flatMap((page) =>
    page.flatMap((line) => cleanLine(line, columns, positioned.pageHeight) ?? []),
  );
  const elements = buildPdfElements(classifyLines(lines, columns), {
    pageOffset: 0,
    pageHeight: positioned.pageHeight,
    lineHeight,
  });
  for (const element of elements) element.page = null;
  return {
    format: "text",
    titlePage: [],
    elements: assignScenes(elements),
    sourcePageCount: null,
    sourceLinesPerPage: null,
  };
}
