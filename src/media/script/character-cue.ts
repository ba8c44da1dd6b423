/** A character cue split into the speaker and the extensions written after the name. */
export interface CharacterCue {
  name: string;
  extensions: string[];
}

/**
 * Reads a cue such as `EDWARD (V.O.)(CONT'D)` or `MRS. SMITH (O.S.) ^` into `{ name: "EDWARD",
 * extensions: ["V.O.", "CONT'D"] }`, so that every variant of a cue names the same character.
 */
export function parseCharacterCue(cue: string): CharacterCue {
  const extensions: string[] = [];
  const withoutExtensions = cue
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\^\s*$/, "")
    .replace(/\(([^)]*)\)/g, (_match, inner: string) => {
      const extension = inner.trim().toUpperCase();
      if (extension) extensions.push(extension);
      return " ";
    });
  const name = withoutExtensions.replace(/[*_]/g, "").replace(/\s+/g, " ").trim().toUpperCase();
  return { name, extensions };
}

/**
 * The speakers of a joint cue (`EDWARD AND WILL`, `TUNDE & BISI`, `MAMA/PAPA`) when each one also speaks under
 * a cue of their own; otherwise undefined (a name such as `SALT AND PEPPER` is left whole).
 */
export function jointSpeakers(cue: string, cues: ReadonlySet<string>): string[] | undefined {
  const parts = cue.split(/\s+(?:AND|&)\s+|\s*\/\s*|\s*,\s*/).filter(Boolean);
  return parts.length > 1 && parts.every((part) => cues.has(part)) ? parts : undefined;
}
