import { formatEighths } from "../../eighths.ts";
import { oneLiner } from "../one-liner.ts";
import { margin, type SheetContext } from "./breakdown-sheet-pages.ts";
import { parseHexColor, type Rgb } from "./pdf-color.ts";
import type { PdfDocument } from "./pdf-document.ts";
import type { PdfPage } from "./pdf-page.ts";
import { stripColorOf, stripColors } from "./strip-colors.ts";
import { fitText, textWidth, wrapText } from "./text-metrics.ts";

const rowHeight = 25;
const headerHeight = 16;
const footerSpace = 40;
const grey: Rgb = [0.35, 0.35, 0.35];
const rule: Rgb = [0.55, 0.55, 0.55];

/** Column widths in points; the set column takes what the others leave. */
const fixed = { scene: 38, intExt: 44, dayNight: 50, pages: 40, cast: 112, storyDay: 34 };

function columnsFor(page: PdfPage) {
  const width = page.width - margin * 2;
  const set = width - Object.values(fixed).reduce((sum, value) => sum + value, 0);
  const order: Array<[keyof typeof fixed | "set", string, number]> = [
    ["scene", "SC.", fixed.scene],
    ["intExt", "I/E", fixed.intExt],
    ["set", "SET / SYNOPSIS", set],
    ["dayNight", "D/N", fixed.dayNight],
    ["pages", "PAGES", fixed.pages],
    ["cast", "CAST", fixed.cast],
    ["storyDay", "DAY", fixed.storyDay],
  ];
  let x = margin;
  return order.map(([key, label, columnWidth]) => {
    const column = { key, label, x, width: columnWidth };
    x += columnWidth;
    return column;
  });
}

function pageTitle(page: PdfPage, context: SheetContext, continued: boolean): number {
  page.text(
    margin,
    margin + 14,
    continued ? "ONE-LINER / STRIPBOARD (CONTINUED)" : "ONE-LINER / STRIPBOARD",
    {
      font: "Helvetica-Bold",
      size: 16,
    },
  );
  page.text(
    page.width - margin,
    margin + 14,
    fitText(context.breakdown.title ?? "Untitled screenplay", "Helvetica-Bold", 11, 220),
    { font: "Helvetica-Bold", size: 11, align: "right" },
  );
  const top = margin + 26;
  page.rect(margin, top, page.width - margin * 2, headerHeight, { fill: [0.15, 0.15, 0.15] });
  for (const column of columnsFor(page)) {
    page.text(column.x + 3, top + 11, column.label, { font: "Helvetica-Bold", size: 7.5, color: [1, 1, 1] });
  }
  return top + headerHeight;
}

/**
 * The one-liner as a stripboard: one strip per scene in script order, coloured by INT/EXT and day/night,
 * with scene number, set and synopsis, length in eighths, cast numbers and story day; then the totals
 * and the cast key that the numbers refer to.
 */
export function drawStripboard(document: PdfDocument, context: SheetContext): void {
  let page = document.addPage();
  let y = pageTitle(page, context, false);
  const bottom = () => page.height - footerSpace;
  const rows = oneLiner(context.breakdown);
  rows.forEach((row, index) => {
    if (y + rowHeight > bottom()) {
      page = document.addPage();
      y = pageTitle(page, context, true);
    }
    const scene = context.breakdown.scenes[index];
    const fill = parseHexColor(scene ? stripColorOf(scene) : "#e0e0e0");
    page.rect(margin, y, page.width - margin * 2, rowHeight, { fill, stroke: rule, lineWidth: 0.5 });
    for (const column of columnsFor(page)) {
      const width = column.width - 6;
      const at = { x: column.x + 3, y: y + 11 };
      if (column.key === "set") {
        page.text(at.x, at.y, fitText(row.set, "Helvetica-Bold", 8.5, width), {
          font: "Helvetica-Bold",
          size: 8.5,
        });
        page.text(at.x, at.y + 10, fitText(row.synopsis, "Helvetica", 7, width), { size: 7, color: grey });
        continue;
      }
      if (column.key === "cast" && textWidth(row.castNumbers.join(", "), "Helvetica", 8.5) > width) {
        // A crowded scene keeps every cast number: two smaller lines before anything is cut.
        const [first = "", ...rest] = wrapText(row.castNumbers.join(", "), "Helvetica", 7, width);
        page.text(at.x, at.y - 1, first, { size: 7 });
        page.text(at.x, at.y + 8, fitText(rest.join(" "), "Helvetica", 7, width), { size: 7 });
        continue;
      }
      const value = {
        scene: row.scene,
        intExt: row.intExt,
        dayNight: row.dayNight,
        pages: row.eighths,
        cast: row.castNumbers.join(", "),
        storyDay: row.storyDay === null ? "" : String(row.storyDay),
      }[column.key];
      page.text(at.x, at.y, fitText(value, "Helvetica", 8.5, width), {
        size: 8.5,
        font: column.key === "scene" ? "Helvetica-Bold" : "Helvetica",
      });
    }
    y += rowHeight;
  });

  const totalEighths = context.breakdown.scenes.reduce((sum, scene) => sum + scene.eighths, 0);
  const castKey = wrapText(
    `Cast: ${context.breakdown.characters.map((character) => `${character.castNumber}. ${character.name}`).join("; ")}`,
    "Helvetica",
    8.5,
    page.width - margin * 2,
  );
  const summary = [
    `${rows.length} scenes, ${formatEighths(totalEighths)} pages in total.`,
    ...(context.breakdown.characters.length > 0 ? castKey : []),
  ];
  y += 14;
  summary.forEach((line, index) => {
    if (y > bottom()) {
      page = document.addPage();
      y = margin + 14;
    }
    page.text(margin, y, line, { size: 8.5, font: index === 0 ? "Helvetica-Bold" : "Helvetica" });
    y += 11;
  });
  if (y + 14 > bottom()) {
    page = document.addPage();
    y = margin;
  }
  drawLegend(page, y + 4);
}

const legend: Array<[string, string]> = [
  ["Day interior", stripColors.dayInterior],
  ["Day exterior", stripColors.dayExterior],
  ["Night interior", stripColors.nightInterior],
  ["Night exterior", stripColors.nightExterior],
  ["Not stated", stripColors.unknown],
];

/** What the strip colours mean, as a row of swatches. */
function drawLegend(page: PdfPage, top: number): void {
  let x = margin;
  for (const [label, color] of legend) {
    page.rect(x, top, 10, 10, { fill: parseHexColor(color), stroke: rule, lineWidth: 0.5 });
    page.text(x + 14, top + 8, label, { size: 7.5 });
    x += 14 + textWidth(label, "Helvetica", 7.5) + 14;
  }
}
