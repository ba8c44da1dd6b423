import type { Breakdown, BreakdownScene } from "../../breakdown-model.ts";
import { type BreakdownCategory, breakdownCategories, categoryStyles } from "../../categories.ts";
import { formatEighths } from "../../eighths.ts";
import { parseHexColor, type Rgb, textColorOn } from "./pdf-color.ts";
import type { PdfDocument } from "./pdf-document.ts";
import type { PdfPage } from "./pdf-page.ts";
import { stripColorOf } from "./strip-colors.ts";
import { fitText, textWidth, wrapText } from "./text-metrics.ts";

export const margin = 36;
const footerSpace = 40;
const columns = 3;
const gap = 8;
const titleBar = 15;
const itemSize = 8.5;
const itemLeading = 10.5;
const black: Rgb = [0, 0, 0];
const grey: Rgb = [0.35, 0.35, 0.35];

/** What the sheets of one breakdown share: its title, cast numbers and the category colours in use. */
export interface SheetContext {
  breakdown: Breakdown;
  castNumbers: Map<string, number>;
  colors: Record<BreakdownCategory, Rgb>;
}

interface Box {
  label: string;
  color: Rgb | null;
  lines: string[];
}

function categoryBox(scene: BreakdownScene, category: BreakdownCategory, context: SheetContext): Box {
  const seen = new Set<string>();
  const items: Array<{ number: number | undefined; name: string }> = [];
  for (const element of scene.elements) {
    if (element.category !== category || seen.has(element.name.toLowerCase())) continue;
    seen.add(element.name.toLowerCase());
    const number = category === "cast" ? context.castNumbers.get(element.name) : undefined;
    items.push({ number, name: element.name });
  }
  items.sort((left, right) => (left.number ?? Infinity) - (right.number ?? Infinity));
  const names = items.map((item) => (item.number ? `${item.number}. ${item.name}` : item.name));
  return { label: categoryStyles[category].label, color: context.colors[category], lines: names };
}

function notesBox(scene: BreakdownScene): Box {
  const lines = [
    ...(scene.speaking.length > 0 ? [`Speaking: ${scene.speaking.join(", ")}`] : []),
    `Heading: ${scene.heading}`,
  ];
  return { label: "Notes", color: null, lines };
}

function drawPageTitle(page: PdfPage, title: string, context: SheetContext): number {
  page.text(margin, margin + 14, title, { font: "Helvetica-Bold", size: 16 });
  const room = page.width - margin * 2 - textWidth(title, "Helvetica-Bold", 16) - 16;
  page.text(
    page.width - margin,
    margin + 14,
    fitText(context.breakdown.title ?? "Untitled screenplay", "Helvetica-Bold", 11, room),
    { font: "Helvetica-Bold", size: 11, align: "right" },
  );
  page.line({ x: margin, y: margin + 22 }, { x: page.width - margin, y: margin + 22 }, { lineWidth: 1 });
  return margin + 30;
}

function cell(
  page: PdfPage,
  area: { x: number; y: number; width: number; height: number },
  label: string,
  value: string,
  valueSize: number,
): void {
  page.rect(area.x, area.y, area.width, area.height, { stroke: black, lineWidth: 0.75 });
  page.text(area.x + 4, area.y + 9, label, { size: 6.5, color: grey, font: "Helvetica-Bold" });
  page.text(
    area.x + 4,
    area.y + 10 + valueSize,
    fitText(value, "Helvetica-Bold", valueSize, area.width - 8),
    {
      font: "Helvetica-Bold",
      size: valueSize,
    },
  );
}

/** The sheet header: scene, INT/EXT, day/night, page, length in eighths, story day, set, location and synopsis, on the scene's strip colour. */
function drawHeader(page: PdfPage, top: number, scene: BreakdownScene): number {
  const width = page.width - margin * 2;
  const synopsis = wrapText(scene.synopsis || "—", "Helvetica", 9.5, width - 8);
  const synopsisLines =
    synopsis.length > 4
      ? [
          ...synopsis.slice(0, 3),
          fitText(`${synopsis[3]} ${synopsis.slice(4).join(" ")}`, "Helvetica", 9.5, width - 8),
        ]
      : synopsis;
  const synopsisHeight = 14 + synopsisLines.length * 11.5;
  const height = 34 + 30 + synopsisHeight;
  page.rect(margin, top, width, height, { fill: parseHexColor(stripColorOf(scene)) });
  const sixth = width / 6;
  const facts: Array<[string, string]> = [
    ["SCENE", scene.number],
    ["INT/EXT", scene.intExt ?? "—"],
    ["DAY/NIGHT", scene.timeOfDay ?? "—"],
    ["SCRIPT PAGE", String(scene.page)],
    ["PAGES", formatEighths(scene.eighths)],
    ["STORY DAY", scene.storyDay === null ? "—" : String(scene.storyDay)],
  ];
  for (const [index, [label, value]] of facts.entries()) {
    cell(page, { x: margin + index * sixth, y: top, width: sixth, height: 34 }, label, value, 13);
  }
  cell(page, { x: margin, y: top + 34, width: sixth * 4, height: 30 }, "SET", scene.set || "—", 11);
  cell(
    page,
    { x: margin + sixth * 4, y: top + 34, width: sixth * 2, height: 30 },
    "LOCATION",
    scene.location || "—",
    11,
  );
  const synopsisTop = top + 64;
  page.rect(margin, synopsisTop, width, synopsisHeight, { stroke: black, lineWidth: 0.75 });
  page.text(margin + 4, synopsisTop + 9, "SYNOPSIS", { size: 6.5, color: grey, font: "Helvetica-Bold" });
  for (const [index, line] of synopsisLines.entries()) {
    page.text(margin + 4, synopsisTop + 20 + index * 11.5, line, { size: 9.5 });
  }
  return top + height;
}

function boxHeight(lineCount: number): number {
  return titleBar + 6 + Math.max(lineCount, 2) * itemLeading + 2;
}

function drawBox(page: PdfPage, area: { x: number; y: number; width: number; height: number }, box: Box) {
  const color = box.color ?? grey;
  page.rect(area.x, area.y, area.width, titleBar, { fill: color });
  page.text(area.x + 4, area.y + 10.5, box.label.toUpperCase(), {
    font: "Helvetica-Bold",
    size: 7.5,
    color: textColorOn(color),
  });
  page.rect(area.x, area.y, area.width, area.height, { stroke: color, lineWidth: 1.25 });
  for (const [index, line] of box.lines.entries()) {
    page.text(area.x + 5, area.y + titleBar + 4 + (index + 1) * itemLeading - 2, line, { size: itemSize });
  }
}

/**
 * One scene's breakdown sheet: the header, then a box per category in breakdown-sheet order (and a
 * notes box), three to a row. A scene with more elements than a page holds continues on the next
 * page, its boxes split line by line, so nothing tagged is left off the printout.
 */
export function drawBreakdownSheet(
  document: PdfDocument,
  scene: BreakdownScene,
  context: SheetContext,
): void {
  let page = document.addPage();
  let y = drawHeader(page, drawPageTitle(page, "BREAKDOWN SHEET", context), scene) + 10;
  const boxWidth = (page.width - margin * 2 - gap * (columns - 1)) / columns;
  const lastBaseline = page.height - footerSpace;
  const boxes = [
    ...breakdownCategories.map((category) => categoryBox(scene, category, context)),
    notesBox(scene),
  ].map((box) => ({
    ...box,
    lines: box.lines.flatMap((line) => wrapText(line, "Helvetica", itemSize, boxWidth - 10)),
  }));
  const rows: Box[][] = [];
  for (let start = 0; start < boxes.length; start += columns) rows.push(boxes.slice(start, start + columns));
  const rowHeight = (row: Box[]) => boxHeight(Math.max(...row.map((box) => box.lines.length)));
  // A sheet that fits one page gets the whole page, like a printed form with room to write in.
  const needed = rows.reduce((sum, row) => sum + rowHeight(row) + gap, 0);
  const spare = Math.max(0, (lastBaseline - y - needed) / rows.length);
  const continuePage = () => {
    page = document.addPage();
    y = drawPageTitle(page, `BREAKDOWN SHEET: SCENE ${scene.number} (CONTINUED)`, context) + 4;
  };
  for (const row of rows) {
    let remaining = row.map((box) => box.lines);
    let continued = false;
    for (;;) {
      const wanted = Math.max(2, ...remaining.map((lines) => lines.length));
      const fitting = Math.floor((lastBaseline - y - titleBar - 8) / itemLeading);
      if (fitting < Math.min(wanted, 3)) {
        continuePage();
        continue;
      }
      const shown = Math.min(wanted, fitting);
      const height = boxHeight(shown) + (spare > 0 && shown === wanted ? spare : 0);
      for (const [column, box] of row.entries()) {
        if (continued && remaining[column]?.length === 0) continue;
        drawBox(
          page,
          { x: margin + column * (boxWidth + gap), y, width: boxWidth, height },
          {
            ...box,
            label: continued ? `${box.label} (continued)` : box.label,
            lines: remaining[column]?.slice(0, shown) ?? [],
          },
        );
      }
      y += height + gap;
      remaining = remaining.map((lines) => lines.slice(shown));
      if (remaining.every((lines) => lines.length === 0)) break;
      continued = true;
      continuePage();
    }
  }
}
