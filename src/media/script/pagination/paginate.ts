import { z } from "zod";
import type { Screenplay } from "../screenplay-model.ts";
import { breakPages } from "./break-pages.ts";
import { type PageLayout, usLetterLayout } from "./layout.ts";
import { typesetLines } from "./typeset-lines.ts";

/** Where an element starts on the printed page (1-based page of the body and line on that page). */
export const pagePositionSchema = z.object({
  page: z.number().int().positive(),
  line: z.number().int().positive(),
});
export type PagePosition = z.infer<typeof pagePositionSchema>;

/** The screenplay laid out on pages. */
export interface Pagination {
  /** Pages of the body (the first scene is on page 1). */
  pageCount: number;
  /** Whether a title page is printed before the body. */
  hasTitlePage: boolean;
  /** Body pages plus the title page: what a PDF export of the script holds. */
  totalPages: number;
  linesPerPage: number;
  /** Start position of each element, by element index (`null` for elements that are not printed). */
  positions: Array<PagePosition | null>;
}

/**
 * Lays a screenplay without pages (Fountain, FDX, plain text) out in standard screenplay format
 * (Courier 12, 55 lines a page on US Letter) and returns where each element lands.
 */
export function paginate(screenplay: Screenplay, layout: PageLayout = usLetterLayout): Pagination {
  const pages = breakPages(typesetLines(screenplay.elements, layout), layout.linesPerPage);
  const positions: Array<PagePosition | null> = screenplay.elements.map(() => null);
  pages.forEach((page, pageIndex) => {
    page.forEach((line, lineIndex) => {
      if (line.kind === "blank" || line.kind === "more" || line.kind === "page_break") return;
      positions[line.elementIndex] ??= { page: pageIndex + 1, line: lineIndex + 1 };
    });
  });
  const hasTitlePage = screenplay.titlePage.length > 0;
  const pageCount = Math.max(pages.length, 1);
  return {
    pageCount,
    hasTitlePage,
    totalPages: pageCount + (hasTitlePage ? 1 : 0),
    linesPerPage: layout.linesPerPage,
    positions,
  };
}
