import type { Rgb } from "./pdf-color.ts";
import { type PdfFont, textWidth } from "./text-metrics.ts";
import { encodeWinAnsi } from "./win-ansi.ts";

/** The resource name each font has in every page's resources. */
export const fontResourceNames: Record<PdfFont, string> = { Helvetica: "F1", "Helvetica-Bold": "F2" };

const number = (value: number) => String(Math.round(value * 100) / 100);
const rgb = (color: Rgb) => color.map(number).join(" ");

/** A PDF literal string of WinAnsi bytes: ASCII as is, `( ) \` escaped, other bytes in octal. */
function literal(text: string): string {
  let out = "(";
  for (const code of encodeWinAnsi(text)) {
    if (code === 40 || code === 41 || code === 92) out += `\\${String.fromCharCode(code)}`;
    else if (code < 127) out += String.fromCharCode(code);
    else out += `\\${code.toString(8).padStart(3, "0")}`;
  }
  return `${out})`;
}

export interface TextStyle {
  font?: PdfFont;
  size?: number;
  color?: Rgb;
  align?: "left" | "right" | "center";
}

export interface BoxStyle {
  fill?: Rgb;
  stroke?: Rgb;
  lineWidth?: number;
}

/**
 * One page's drawing operations, in points with the origin at the top left (y grows down) as a
 * layout thinks, turned into PDF's bottom-left coordinates here.
 */
export class PdfPage {
  readonly operations: string[] = [];

  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  /** Text whose baseline is at `y`; `x` is its left edge, right edge or centre as `align` says. */
  text(x: number, y: number, text: string, style: TextStyle = {}): void {
    const font = style.font ?? "Helvetica";
    const size = style.size ?? 10;
    const width = style.align && style.align !== "left" ? textWidth(text, font, size) : 0;
    const left = style.align === "right" ? x - width : style.align === "center" ? x - width / 2 : x;
    this.operations.push(
      `BT ${rgb(style.color ?? [0, 0, 0])} rg /${fontResourceNames[font]} ${number(size)} Tf ${number(left)} ${number(this.height - y)} Td ${literal(text)} Tj ET`,
    );
  }

  /** A rectangle whose top-left corner is at (`x`, `y`), filled, stroked or both. */
  rect(x: number, y: number, width: number, height: number, style: BoxStyle): void {
    const paint = style.fill && style.stroke ? "B" : style.fill ? "f" : "S";
    this.operations.push(
      [
        "q",
        style.fill ? `${rgb(style.fill)} rg` : "",
        style.stroke ? `${rgb(style.stroke)} RG ${number(style.lineWidth ?? 0.75)} w` : "",
        `${number(x)} ${number(this.height - y - height)} ${number(width)} ${number(height)} re ${paint} Q`,
      ]
        .filter((part) => part !== "")
        .join(" "),
    );
  }

  /** A straight line. */
  line(from: { x: number; y: number }, to: { x: number; y: number }, style: BoxStyle = {}): void {
    this.operations.push(
      `q ${rgb(style.stroke ?? [0, 0, 0])} RG ${number(style.lineWidth ?? 0.5)} w ${number(from.x)} ${number(this.height - from.y)} m ${number(to.x)} ${number(this.height - to.y)} l S Q`,
    );
  }
}
