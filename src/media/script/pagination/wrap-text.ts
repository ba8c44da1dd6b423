/**
 * Wraps one hard line of text to `width` characters the way typewriter-style screenplay software
 * does: break at the last space that fits, or hard-break a word longer than the line.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const space = rest.slice(0, width + 1).lastIndexOf(" ");
    if (space <= 0) {
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    } else {
      lines.push(rest.slice(0, space));
      rest = rest.slice(space + 1);
    }
  }
  lines.push(rest);
  return lines;
}
