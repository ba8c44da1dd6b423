import type { Breakdown } from "../breakdown-model.ts";
import { type BreakdownCategory, breakdownCategories, categoryStyles } from "../categories.ts";
import { drawBreakdownSheet, margin, type SheetContext } from "./pdf/breakdown-sheet-pages.ts";
import { parseHexColor } from "./pdf/pdf-color.ts";
import { type Paper, PdfDocument } from "./pdf/pdf-document.ts";
import { drawStripboard } from "./pdf/stripboard-pages.ts";
import { fitText } from "./pdf/text-metrics.ts";

/** How the printable sheets look: category colours (`#rrggbb`) over the conventional ones, and the paper. */
export interface BreakdownSheetsPdfOptions {
  colors?: Partial<Record<BreakdownCategory, string>>;
  paper?: Paper;
}

/**
 * Printable breakdown sheets as a PDF: first the one-liner as a stripboard (strips coloured by INT/EXT
 * and day/night, with the cast key), then one breakdown sheet per scene in the industry layout (header
 * with scene, INT/EXT, day/night, pages in eighths, set and synopsis; a box per category in its
 * conventional colour). Text is real text in Helvetica, so the PDF can be searched and copied from.
 */
export function breakdownSheetsPdf(
  breakdown: Breakdown,
  options: BreakdownSheetsPdfOptions = {},
): Uint8Array {
  const colors = Object.fromEntries(
    breakdownCategories.map((category) => [
      category,
      parseHexColor(options.colors?.[category] ?? categoryStyles[category].color),
    ]),
  ) as SheetContext["colors"];
  const context: SheetContext = {
    breakdown,
    castNumbers: new Map(breakdown.characters.map((character) => [character.name, character.castNumber])),
    colors,
  };
  const title = breakdown.title ?? "Untitled screenplay";
  const document = new PdfDocument({ paper: options.paper ?? "letter", title: `${title}: breakdown sheets` });
  drawStripboard(document, context);
  for (const scene of breakdown.scenes) drawBreakdownSheet(document, scene, context);
  document.pages.forEach((page, index) => {
    const y = page.height - margin + 12;
    page.line({ x: margin, y: y - 10 }, { x: page.width - margin, y: y - 10 }, { stroke: [0.6, 0.6, 0.6] });
    page.text(margin, y, fitText(`${title}: breakdown`, "Helvetica", 7.5, page.width / 2), {
      size: 7.5,
      color: [0.35, 0.35, 0.35],
    });
    page.text(page.width - margin, y, `Page ${index + 1} of ${document.pages.length}`, {
      size: 7.5,
      color: [0.35, 0.35, 0.35],
      align: "right",
    });
  });
  return document.toBytes();
}
