import { helveticaWidths } from "./helvetica-widths.ts";
import { encodeWinAnsi } from "./win-ansi.ts";

/** The standard-14 fonts the sheets use (no font is embedded, every PDF reader has them). */
export type PdfFont = keyof typeof helveticaWidths;

/** The width in points of text set in a standard font. */
export function textWidth(text: string, font: PdfFont, size: number): number {
  const widths = helveticaWidths[font];
  let thousandths = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 32 || code > 126) return encodedWidth(text, font, size);
    thousandths += widths[code - 32] ?? 556;
  }
  return (thousandths * size) / 1000;
}

function encodedWidth(text: string, font: PdfFont, size: number): number {
  const widths = helveticaWidths[font];
  let thousandths = 0;
  for (const code of encodeWinAnsi(text)) thousandths += widths[code - 32] ?? 556;
  return (thousandths * size) / 1000;
}

/** The longest start of `text` that fits `width`, ending with `…` when something was cut. */
export function fitText(text: string, font: PdfFont, size: number, width: number): string {
  if (textWidth(text, font, size) <= width) return text;
  const fits = (end: number) => textWidth(`${text.slice(0, end).trimEnd()}…`, font, size) <= width;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return low > 0 ? `${text.slice(0, low).trimEnd()}…` : "";
}

/** Breaks text into lines no wider than `width`, at spaces where possible and inside a word only when it alone is too wide. */
export function wrapText(text: string, font: PdfFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((part) => part !== "")) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (textWidth(candidate, font, size) <= width) {
      line = candidate;
      continue;
    }
    if (line !== "") lines.push(line);
    line = word;
    while (textWidth(line, font, size) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && textWidth(line.slice(0, cut), font, size) > width) cut -= 1;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}
