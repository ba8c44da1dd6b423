import { AppError } from "../../../../lib/errors.ts";

/** An sRGB colour as PDF operands want it: three numbers from 0 to 1. */
export type Rgb = readonly [number, number, number];

/** Reads `#rgb` or `#rrggbb`; anything else is refused with a message naming the bad value. */
export function parseHexColor(color: string): Rgb {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!match?.[1]) {
    throw new AppError(
      "bad_request:color",
      `"${color}" is not a colour the PDF sheets can use; give it as #rrggbb (for example #d32f2f).`,
    );
  }
  const hex = match[1].length === 3 ? [...match[1]].map((digit) => digit + digit).join("") : match[1];
  return [0, 2, 4].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255) as unknown as Rgb;
}

/** Black or white, whichever reads better on the given background (WCAG relative luminance). */
export function textColorOn(background: Rgb): Rgb {
  const linear = background.map((channel) =>
    channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4,
  );
  const luminance = 0.2126 * (linear[0] ?? 0) + 0.7152 * (linear[1] ?? 0) + 0.0722 * (linear[2] ?? 0);
  return luminance > 0.35 ? [0, 0, 0] : [1, 1, 1];
}
