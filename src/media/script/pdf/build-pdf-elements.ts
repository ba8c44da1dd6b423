import { parseCharacterCue } from "../character-cue.ts";
import type { ScreenplayElement } from "../screenplay-model.ts";
import type { TypedLine } from "./classify-pdf-lines.ts";

/** How a PDF page maps onto screenplay pages and lines. */
export interface PageFrame {
  /** PDF pages before the first body page (the title page). */
  pageOffset: number;
  pageHeight: number;
  lineHeight: number;
}

const joinable = new Set(["action", "dialogue", "parenthetical", "centered"]);

function lineOnPage(line: TypedLine, frame: PageFrame): number {
  return Math.max(1, Math.floor((frame.pageHeight - 72 - line.y) / frame.lineHeight) + 1);
}

/**
 * Turns typed lines into elements: wrapped lines of one paragraph join, and a speech split over a
 * page break by `(MORE)` / `NAME (CONT'D)` becomes one speech again.
 */
export function buildPdfElements(lines: TypedLine[], frame: PageFrame): ScreenplayElement[] {
  const elements: ScreenplayElement[] = [];
  let continuingSpeaker: string | null = null;
  let lastSpeaker: string | null = null;
  let joinAcrossPage = false;
  for (const line of lines) {
    if (line.type === "more") {
      continuingSpeaker = lastSpeaker;
      continue;
    }
    const page = line.page - frame.pageOffset;
    if (page < 1) continue;
    const previous = elements.at(-1);
    if (line.type === "character") {
      const cue = parseCharacterCue(line.text);
      if (
        continuingSpeaker !== null &&
        cue.name === continuingSpeaker &&
        cue.extensions.some((extension) => /CONT/.test(extension))
      ) {
        continuingSpeaker = null;
        joinAcrossPage = true;
        continue;
      }
      continuingSpeaker = null;
      lastSpeaker = cue.name;
      elements.push({
        type: "character",
        text: line.text,
        character: cue.name,
        extensions: cue.extensions,
        sceneIndex: null,
        page,
        line: lineOnPage(line, frame),
        ...(line.dual ? { dual: line.dual } : {}),
      });
      continue;
    }
    const sameParagraph = !line.startsParagraph || joinAcrossPage;
    if (
      previous &&
      previous.type === line.type &&
      joinable.has(line.type) &&
      sameParagraph &&
      previous.dual === line.dual
    ) {
      previous.text += line.type === "centered" ? `\n${line.text}` : ` ${line.text}`;
      joinAcrossPage = false;
      continue;
    }
    joinAcrossPage = false;
    elements.push({
      type: line.type,
      text: line.text,
      sceneIndex: null,
      page,
      line: lineOnPage(line, frame),
      ...(line.sceneNumber ? { sceneNumber: line.sceneNumber } : {}),
      ...(line.dual ? { dual: line.dual } : {}),
    });
  }
  return elements;
}
