import { assignScenes } from "../assign-scenes.ts";
import { parseCharacterCue } from "../character-cue.ts";
import type { Screenplay, ScreenplayElement } from "../screenplay-model.ts";
import { stripEmphasis } from "./emphasis.ts";
import { looksLikeCue, fountainPatterns as patterns } from "./line-patterns.ts";
import { readSourceLines, readTitlePage, type SourceLine } from "./source-lines.ts";

type Draft = Omit<ScreenplayElement, "sceneIndex" | "page">;

function element(type: Draft["type"], raw: string, line: number, extra: Partial<Draft> = {}): Draft {
  const plain = stripEmphasis(raw);
  const draft: Draft = { type, text: plain.text, line, ...extra };
  if (plain.emphasis.length > 0) draft.emphasis = plain.emphasis;
  return draft;
}

function splitBlocks(lines: SourceLine[]): SourceLine[][] {
  const blocks: SourceLine[][] = [];
  let current: SourceLine[] = [];
  for (const line of lines) {
    // A line of exactly two spaces is an intentional blank inside a block, not a separator.
    if (line.text.trim() === "" && line.text !== "  ") {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

function sceneHeading(text: string, line: number): Draft {
  const forced = patterns.forcedSceneHeading.test(text);
  let heading = forced ? text.slice(1) : text;
  const number = patterns.sceneNumber.exec(heading);
  if (number) heading = heading.slice(0, number.index);
  return element("scene_heading", heading.trim(), line, {
    ...(forced ? { forced } : {}),
    ...(number?.[1] ? { sceneNumber: number[1] } : {}),
  });
}

function dialogueBlock(block: SourceLine[], drafts: Draft[]): void {
  const [cueLine, ...rest] = block;
  if (!cueLine) return;
  let cue = cueLine.text.trim();
  const forced = patterns.forcedCharacter.test(cue);
  if (forced) cue = cue.slice(1);
  const dual = /\^\s*$/.test(cue);
  if (dual) {
    cue = cue.replace(/\s*\^\s*$/, "");
    markPreviousDialogueLeft(drafts);
  }
  const { name, extensions } = parseCharacterCue(stripEmphasis(cue).text);
  const side = dual ? { dual: "right" as const } : {};
  drafts.push(
    element("character", cue, cueLine.number, {
      character: name,
      extensions,
      ...side,
      ...(forced ? { forced } : {}),
    }),
  );
  let speech: SourceLine[] = [];
  const flush = () => {
    const first = speech[0];
    if (first)
      drafts.push(element("dialogue", speech.map((line) => line.text.trim()).join("\n"), first.number, side));
    speech = [];
  };
  for (const line of rest) {
    const text = line.text.trim();
    if (patterns.parenthetical.test(text)) {
      flush();
      drafts.push(element("parenthetical", text, line.number, side));
    } else {
      speech.push(line);
    }
  }
  flush();
}

function markPreviousDialogueLeft(drafts: Draft[]): void {
  for (let index = drafts.length - 1; index >= 0; index -= 1) {
    const draft = drafts[index];
    if (!draft || !["character", "dialogue", "parenthetical"].includes(draft.type)) return;
    draft.dual = "left";
    if (draft.type === "character") return;
  }
}

function singleLine(text: string, number: number): Draft | null {
  if (patterns.pageBreak.test(text)) return { type: "page_break", text: "", line: number };
  const centered = patterns.centered.exec(text);
  if (centered) return element("centered", centered[1] ?? "", number);
  const synopsis = patterns.synopsis.exec(text);
  if (synopsis) return element("synopsis", synopsis[1] ?? "", number);
  const section = patterns.section.exec(text);
  if (section)
    return { type: "section", text: section[2] ?? "", line: number, level: (section[1] ?? "#").length };
  const lyrics = patterns.lyrics.exec(text);
  if (lyrics) return element("lyrics", lyrics[1] ?? "", number);
  return null;
}

function parseBlock(block: SourceLine[], drafts: Draft[]): void {
  const first = block[0];
  if (!first) return;
  const text = first.text.trim();
  const rest = block.slice(1);
  if (patterns.forcedSceneHeading.test(text) || patterns.sceneHeading.test(text)) {
    drafts.push(sceneHeading(text, first.number));
    if (rest.length > 0) parseBlock(rest, drafts);
    return;
  }
  const special = singleLine(text, first.number);
  if (special) {
    drafts.push(special);
    if (rest.length > 0) parseBlock(rest, drafts);
    return;
  }
  const forcedTransition = patterns.forcedTransition.exec(text);
  if (block.length === 1 && (patterns.transition.test(text) || forcedTransition)) {
    const transition = forcedTransition ? (forcedTransition[1] ?? "") : text;
    drafts.push(element("transition", transition, first.number, forcedTransition ? { forced: true } : {}));
    return;
  }
  if (
    !patterns.forcedAction.test(text) &&
    rest.length > 0 &&
    (patterns.forcedCharacter.test(text) || looksLikeCue(text))
  ) {
    dialogueBlock(block, drafts);
    return;
  }
  const forced = patterns.forcedAction.test(text);
  const lines = block.map((line, index) => {
    const raw = index === 0 && forced ? line.text.replace(/^(\s*)!/, "$1") : line.text;
    return raw.replace(/\t/g, "    ").trimEnd();
  });
  const isShot = block.length === 1 && !forced && looksLikeCue(text);
  drafts.push(element(isShot ? "shot" : "action", lines.join("\n"), first.number, forced ? { forced } : {}));
}

/** Parses Fountain source (the whole syntax of fountain.io) into the screenplay model. */
export function parseFountain(source: string): Screenplay {
  const { lines, notes } = readSourceLines(source);
  const titlePage = readTitlePage(lines);
  const drafts: Draft[] = [];
  for (const block of splitBlocks(lines.slice(titlePage.bodyStart))) parseBlock(block, drafts);
  for (const note of notes) drafts.push({ type: "note", text: note.text, line: note.line });
  drafts.sort((left, right) => left.line - right.line);
  const elements: ScreenplayElement[] = drafts.map((draft) => ({ ...draft, sceneIndex: null, page: null }));
  return {
    format: "fountain",
    titlePage: titlePage.entries,
    elements: assignScenes(elements),
    sourcePageCount: null,
    sourceLinesPerPage: null,
  };
}
