import type { ChunkSizes } from "./chunk-draft.ts";

/** Splits a unit longer than `max` at sentence ends, then at spaces, so no piece exceeds it. */
export function splitLongUnit(unit: string, max: number): string[] {
  if (unit.length <= max) return [unit];
  const sentences = unit.match(/[^.!?]+(?:[.!?]+["')\]]*\s*|$)/g) ?? [unit];
  const pieces: string[] = [];
  let current = "";
  for (const sentence of sentences.flatMap((part) =>
    part.length > max ? splitAtSpaces(part, max) : [part],
  )) {
    if (current.length + sentence.length > max && current !== "") {
      pieces.push(current.trim());
      current = "";
    }
    current += sentence;
  }
  if (current.trim() !== "") pieces.push(current.trim());
  return pieces;
}

function splitAtSpaces(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = rest.lastIndexOf(" ", max);
    const at = cut > max / 2 ? cut : max;
    pieces.push(`${rest.slice(0, at)} `);
    rest = rest.slice(at).trimStart();
  }
  if (rest !== "") pieces.push(rest);
  return pieces;
}

/**
 * Packs units (paragraphs, screenplay lines) in order into passages of at most `maxCharacters` (joined by
 * `separator`), repeating the last units of a passage, up to `overlapCharacters`, at the start of the next
 * so that a thought cut at a boundary is whole in one of them. `reserved` is room kept for a prefix.
 */
export function packPassages(
  units: string[],
  sizes: ChunkSizes,
  options: { separator: string; reserved?: number },
): string[][] {
  const max = Math.max(200, sizes.maxCharacters - (options.reserved ?? 0));
  const pieces = units.flatMap((unit) => splitLongUnit(unit, max));
  const passages: string[][] = [];
  let current: string[] = [];
  let length = 0;
  let fresh = 0;
  for (const piece of pieces) {
    const added = piece.length + (current.length > 0 ? options.separator.length : 0);
    if (length + added > max && fresh > 0) {
      passages.push(current);
      current = overlapTail(current, sizes.overlapCharacters);
      length = joinedLength(current, options.separator);
      fresh = 0;
      // The overlap must leave room for the piece itself.
      while (current.length > 0 && length + options.separator.length + piece.length > max) {
        current = current.slice(1);
        length = joinedLength(current, options.separator);
      }
    }
    length += piece.length + (current.length > 0 ? options.separator.length : 0);
    current.push(piece);
    fresh += 1;
  }
  if (fresh > 0) passages.push(current);
  return passages;
}

function overlapTail(units: string[], overlap: number): string[] {
  const tail: string[] = [];
  let length = 0;
  for (let index = units.length - 1; index >= 0; index -= 1) {
    const unit = units[index] ?? "";
    if (length + unit.length > overlap) break;
    tail.unshift(unit);
    length += unit.length;
  }
  const last = units.at(-1);
  if (tail.length === 0 && last !== undefined && overlap > 0) {
    // The last unit alone is longer than the overlap: repeat its end, from a word boundary.
    const end = last.slice(-overlap);
    const boundary = end.search(/\s/);
    const words = boundary >= 0 ? end.slice(boundary).trim() : end;
    if (words !== "") tail.push(`…${words}`);
  }
  return tail;
}

function joinedLength(units: string[], separator: string): number {
  return units.reduce((sum, unit) => sum + unit.length, 0) + Math.max(0, units.length - 1) * separator.length;
}
