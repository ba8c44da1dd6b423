import type { TitlePageEntry } from "../screenplay-model.ts";
import { stripEmphasis } from "./emphasis.ts";

/** A source line after boneyard and notes are taken out, with its 1-based number in the file. */
export interface SourceLine {
  text: string;
  number: number;
}

/** A `[[note]]` found in the source, with the line it starts on. */
export interface SourceNote {
  text: string;
  line: number;
}

const lineCount = (text: string) => text.split("\n").length - 1;

/**
 * Removes boneyard (`/* … *\/`) and notes (`[[ … ]]`), which may span lines, while keeping every
 * remaining line's original number. A line that held only removed content is dropped rather than
 * left blank, so that a note inside a dialogue block does not split the block.
 */
export function readSourceLines(source: string): { lines: SourceLine[]; notes: SourceNote[] } {
  const normalised = source.replace(/\r\n?/g, "\n").replace(/^\uFEFF/, "");
  const notes: SourceNote[] = [];
  const removed = new Set<number>();
  const cleaned = normalised.replace(
    /\/\*[\s\S]*?\*\/|\[\[([\s\S]*?)\]\]/g,
    (match, note: string | undefined, at: number) => {
      const line = lineCount(normalised.slice(0, at)) + 1;
      if (note !== undefined) notes.push({ text: note.trim(), line });
      for (let index = 0; index <= lineCount(match); index += 1) removed.add(line + index);
      return "\n".repeat(lineCount(match));
    },
  );
  const lines: SourceLine[] = [];
  cleaned.split("\n").forEach((raw, index) => {
    const number = index + 1;
    if (removed.has(number) && raw.trim() === "") return;
    lines.push({ text: raw, number });
  });
  return { lines, notes };
}

const keyPattern = /^([A-Za-z][A-Za-z0-9 _-]*):\s*(.*)$/;

/** Reads the title page (key: value block at the very top) and returns where the body starts. */
export function readTitlePage(lines: SourceLine[]): { entries: TitlePageEntry[]; bodyStart: number } {
  let start = 0;
  while (start < lines.length && lines[start]?.text.trim() === "") start += 1;
  const first = lines[start];
  if (!first || !keyPattern.test(first.text) || /^(INT|EXT|EST)[. ]/i.test(first.text)) {
    return { entries: [], bodyStart: 0 };
  }
  const entries: TitlePageEntry[] = [];
  let index = start;
  for (; index < lines.length; index += 1) {
    const line = lines[index]?.text ?? "";
    if (line.trim() === "") break;
    const match = /^\s/.test(line) ? null : keyPattern.exec(line);
    const previous = entries.at(-1);
    if (match) {
      entries.push({ key: (match[1] ?? "").trim(), value: stripEmphasis((match[2] ?? "").trim()).text });
    } else if (previous) {
      const value = stripEmphasis(line.trim()).text;
      previous.value = previous.value ? `${previous.value}\n${value}` : value;
    }
  }
  return { entries, bodyStart: index };
}
