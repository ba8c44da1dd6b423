import type { Emphasis } from "../screenplay-model.ts";

/** Text with Fountain emphasis markers removed, and where the emphasis was. */
export interface PlainText {
  text: string;
  emphasis: Emphasis[];
}

const markerPattern = /\\([*_\\])|(\*\*\*|\*\*|\*|_)(?=\S)(.+?)(?<=\S)\2/gs;

const stylesOf: Record<string, Emphasis["style"][]> = {
  "***": ["bold", "italic"],
  "**": ["bold"],
  "*": ["italic"],
  _: ["underline"],
};

/** Strips `*italic*`, `**bold**`, `***both***` and `_underline_` (nested, escapes honoured), keeping the spans. */
export function stripEmphasis(source: string, offset = 0): PlainText {
  let text = "";
  const emphasis: Emphasis[] = [];
  let last = 0;
  for (const match of source.matchAll(markerPattern)) {
    text += source.slice(last, match.index);
    last = match.index + match[0].length;
    if (match[1] !== undefined) {
      text += match[1];
      continue;
    }
    const marker = match[2] ?? "";
    const inner = stripEmphasis(match[3] ?? "", offset + text.length);
    const start = offset + text.length;
    text += inner.text;
    for (const style of stylesOf[marker] ?? []) emphasis.push({ style, start, end: offset + text.length });
    emphasis.push(...inner.emphasis);
  }
  text += source.slice(last);
  return { text, emphasis };
}
