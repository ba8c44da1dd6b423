import { assignScenes } from "../assign-scenes.ts";
import type { Screenplay } from "../screenplay-model.ts";
import { buildPdfElements } from "./build-pdf-elements.ts";
import { classifyLines } from "./classify-pdf-lines.ts";
import { cleanLine, findColumns } from "./pdf-columns.ts";
import { readPdfTitlePage } from "./pdf-title-page.ts";
import { readPdfLines } from "./read-pdf-lines.ts";

/**
 * Parses a screenplay PDF with a text layer: each printed line is classified from the x position
 * of its text (slugline and action column, dialogue, parenthetical and cue indents, right-aligned
 * transitions), with page numbers, margin scene numbers, `(MORE)`/`(CONT'D)` and the title page handled.
 */
export async function parsePdf(bytes: Uint8Array): Promise<Screenplay> {
  const text = await readPdfLines(bytes);
  const columns = findColumns(text);
  const typedPages = text.pages.map((page) =>
    classifyLines(
      page.flatMap((line) => cleanLine(line, columns, text.pageHeight) ?? []),
      columns,
    ),
  );
  const firstPage = typedPages[0] ?? [];
  const isTitlePage =
    text.pages.length > 1 &&
    !firstPage.some((line) => line.type === "scene_heading" || line.type === "character");
  const titlePage = isTitlePage ? readPdfTitlePage(text.pages[0] ?? [], columns, text.pageHeight) : [];
  const elements = buildPdfElements(typedPages.flat(), {
    pageOffset: isTitlePage ? 1 : 0,
    pageHeight: text.pageHeight,
    lineHeight: columns.lineHeight,
  });
  return {
    format: "pdf",
    titlePage,
    elements: assignScenes(elements),
    sourcePageCount: text.pages.length,
    sourceLinesPerPage: Math.floor((text.pageHeight - 144) / columns.lineHeight) + 1,
  };
}
