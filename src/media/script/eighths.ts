/** Formats a length in eighths of a page the way schedules print it: `3/8`, `1`, `1 3/8`. */
export function formatEighths(eighths: number): string {
  const pages = Math.floor(eighths / 8);
  const rest = eighths % 8;
  if (rest === 0) return String(pages);
  return pages > 0 ? `${pages} ${rest}/8` : `${rest}/8`;
}

/** Reads `1 3/8`, `3/8` or `2` as eighths of a page; `null` when the text is not a page length. */
export function parseEighths(text: string): number | null {
  const match = /^\s*(?:(\d+)\s*)?(?:(\d)\s*\/\s*8)?\s*$/.exec(text);
  if (!match || (match[1] === undefined && match[2] === undefined)) return null;
  return Number(match[1] ?? 0) * 8 + Number(match[2] ?? 0);
}
