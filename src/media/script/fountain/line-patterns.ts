/** Line patterns of the Fountain syntax (https://fountain.io/syntax). */
export const fountainPatterns = {
  // EXT/INT is not in the Fountain spec, but writers use it for the same thing as INT/EXT.
  sceneHeading: /^(?:INT|EXT|EST|INT\.?\/EXT|EXT\.?\/INT|I\/E)[. ]/i,
  forcedSceneHeading: /^\.(?!\.)(?=\S)/,
  sceneNumber: /\s*#([\w.-]+)#\s*$/,
  transition: /^[A-Z0-9 .'-]+ TO:$|^(?:FADE OUT|FADE TO BLACK|CUT TO BLACK)\.$/,
  forcedTransition: /^>\s*(.*?)\s*$/,
  centered: /^>\s*(.*?)\s*<$/,
  pageBreak: /^={3,}$/,
  section: /^(#+)\s*(.*)$/,
  synopsis: /^=(?!=)\s*(.*)$/,
  lyrics: /^~\s?(.*)$/,
  forcedAction: /^!/,
  forcedCharacter: /^@/,
  parenthetical: /^\(.*\)$/,
} as const;

/** A cue is upper case (its parenthetical extensions aside) and holds at least one letter. */
export function looksLikeCue(line: string): boolean {
  const name = line
    .replace(/\([^)]*\)/g, "")
    .replace(/\^\s*$/, "")
    .trim();
  return name.length > 0 && /\p{L}/u.test(name) && name === name.toUpperCase() && !/^[!.~=>#]/.test(name);
}
