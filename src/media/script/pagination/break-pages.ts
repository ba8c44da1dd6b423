import type { TypesetLine } from "./typeset-lines.ts";

/** A printed page: its lines, with `(MORE)` and `(CONT'D)` lines added where speech is split. */
export type Page = Array<TypesetLine | { kind: "more"; elementIndex: number }>;

const isSpeech = (line: TypesetLine | undefined) =>
  line !== undefined &&
  (line.kind === "character" || line.kind === "parenthetical" || line.kind === "dialogue");

function printed(lines: TypesetLine[], index: number, step: number): TypesetLine | undefined {
  let cursor = index + step;
  while (cursor >= 0 && cursor < lines.length && lines[cursor]?.kind === "blank") cursor += step;
  return lines[cursor];
}

type Decision = "no" | "yes" | "split_speech";

/** Whether the page may end after `lines[index]`, following the conventions of screenplay typing. */
function canBreakAfter(lines: TypesetLine[], index: number): Decision {
  const line = lines[index];
  const after = printed(lines, index, 1);
  const before = printed(lines, index, -1);
  if (!line) return "yes";
  if (line.kind === "scene_heading" && after && after.kind !== "scene_heading") return "no";
  if (after?.kind === "transition" && line.kind !== "transition") return "no";
  if (line.kind === "action" && line.groupSize < 4 && line.indexInGroup !== line.groupSize - 1) return "no";
  if (
    line.kind === "action" &&
    line.groupSize >= 4 &&
    (line.indexInGroup === 0 || line.indexInGroup === line.groupSize - 2)
  ) {
    return "no";
  }
  if (line.kind === "dialogue" && after?.kind === "dialogue" && before?.kind === "dialogue" && !line.dual) {
    return "split_speech";
  }
  if (isSpeech(line) && (after?.kind === "dialogue" || after?.kind === "parenthetical")) return "no";
  return "yes";
}

/** Breaks typeset lines into pages of `linesPerPage`, keeping headings, short paragraphs and speeches together. */
export function breakPages(all: TypesetLine[], linesPerPage: number): Page[] {
  const pages: Page[] = [];
  let lines = all;
  while (lines.length > 0) {
    let start = 0;
    while (start < lines.length && (lines[start]?.kind === "blank" || lines[start]?.kind === "page_break"))
      start += 1;
    lines = lines.slice(start);
    if (lines.length === 0) break;
    const forced = lines.slice(0, linesPerPage).findIndex((line) => line.kind === "page_break");
    if (forced > 0) {
      pages.push(lines.slice(0, forced));
      lines = lines.slice(forced);
      continue;
    }
    if (lines.length <= linesPerPage) {
      pages.push(lines);
      break;
    }
    let end = linesPerPage - 1;
    let decision: Decision = "no";
    for (; end > 0; end -= 1) {
      if (lines[end]?.kind === "blank") continue;
      decision = canBreakAfter(lines, end);
      if (decision !== "no") break;
    }
    if (end <= 0) {
      end = linesPerPage - 1;
      decision = "yes";
    }
    const line = lines[end];
    if (decision === "split_speech" && line) {
      // The split line moves over: `(MORE)` takes its place and the next page opens with the cue again.
      pages.push([...lines.slice(0, end), { kind: "more", elementIndex: line.elementIndex }]);
      lines = [{ ...line, kind: "character", indexInGroup: 0, groupSize: 1 }, ...lines.slice(end)];
      continue;
    }
    pages.push(lines.slice(0, end + 1));
    lines = lines.slice(end + 1);
  }
  return pages;
}
