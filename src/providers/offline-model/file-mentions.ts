import { kindsIn } from "./tool-profile.ts";
import { isStopWord, splitWords } from "./words.ts";

/** A project file as listed in the system prompt. */
export type ProjectFile = { id: string; name: string; kind: string };

/** Where a request names a file: its whole name, its name without extension, or a telling word of it. */
export type FileMention = { file: ProjectFile; start: number; end: number; strength: number };

/** The outcome of looking for the file a request means. */
export type FileChoice =
  | { type: "found"; file: ProjectFile }
  | { type: "ambiguous"; candidates: ProjectFile[] }
  | { type: "missing" };

/** Finds the files a request names, in the order they are named (one mention per file, the strongest). */
export function findFileMentions(text: string, files: ProjectFile[]): FileMention[] {
  const lower = text.toLowerCase();
  const best = new Map<string, FileMention>();
  const offer = (mention: FileMention) => {
    const current = best.get(mention.file.id);
    if (!current || mention.strength > current.strength) best.set(mention.file.id, mention);
  };
  for (const file of files) {
    const name = file.name.toLowerCase();
    const whole = lower.indexOf(name);
    if (whole !== -1) offer({ file, start: whole, end: whole + name.length, strength: 3 });
    const words = splitWords(name.replace(/\.[a-z0-9]+$/, ""));
    if (words.length === 0) continue;
    const spaced = new RegExp(`\\b${words.map(escapeForPattern).join("[\\s_.-]*")}\\b`).exec(lower);
    if (spaced) offer({ file, start: spaced.index, end: spaced.index + spaced[0].length, strength: 2 });
    for (const word of words) {
      if (word.length < 4 || isStopWord(word) || /^\d+$/.test(word) || kindsIn([word]).length > 0) continue;
      const partial = new RegExp(`\\b${escapeForPattern(word)}\\b`).exec(lower);
      if (partial) offer({ file, start: partial.index, end: partial.index + partial[0].length, strength: 1 });
    }
  }
  const mentions = [...best.values()];
  const strongest = Math.max(0, ...mentions.map((mention) => mention.strength));
  // A word shared by several names ("scene") only counts when nothing names a file better.
  return mentions
    .filter((mention) => mention.strength === strongest || mention.strength > 1)
    .sort((left, right) => left.start - right.start);
}

/**
 * Picks the one file a request means: a named file; else the only file of a kind the request names
 * ("the audio", "my script"); else the only file of a kind the tool works on.
 */
export function chooseFile(input: {
  mentions: FileMention[];
  requestKinds: string[];
  toolKinds: string[];
  files: ProjectFile[];
}): FileChoice {
  const first = input.mentions[0];
  if (first) return { type: "found", file: first.file };
  for (const kinds of [input.requestKinds, input.toolKinds]) {
    if (kinds.length === 0) continue;
    const candidates = input.files.filter((file) => kinds.includes(file.kind));
    const only = candidates[0];
    if (candidates.length === 1 && only) return { type: "found", file: only };
    if (candidates.length > 1) return { type: "ambiguous", candidates };
  }
  if (input.toolKinds.length === 0 && input.requestKinds.length === 0 && input.files.length === 1) {
    const only = input.files[0];
    if (only) return { type: "found", file: only };
  }
  return input.files.length > 0 ? { type: "ambiguous", candidates: input.files } : { type: "missing" };
}

function escapeForPattern(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
