import { phraseRewrites, stopWords, synonymGroups } from "./lexicon.ts";

const conceptOf = new Map<string, string>();
for (const group of synonymGroups) {
  const concept = group[0];
  if (!concept) continue;
  for (const word of group) if (!conceptOf.has(word)) conceptOf.set(word, concept);
}

/** Every word the lexicon knows, the base of typo correction. */
const lexiconWords = new Set([...conceptOf.keys(), ...stopWords]);

/** Lower-cases, rewrites Pidgin phrasings and splits into words (hyphens and camelCase split too). */
export function splitWords(text: string): string[] {
  let normalized = text
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/[’‘]/g, "'");
  for (const [pattern, replacement] of phraseRewrites) normalized = normalized.replace(pattern, replacement);
  return normalized.match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
}

/** Whether a word carries no intent. */
export function isStopWord(word: string): boolean {
  return stopWords.has(word);
}

/**
 * Turns words into concepts: known synonyms fold together, plurals and verb endings are stripped,
 * and a misspelt word is corrected to the nearest known word (the lexicon plus the tools' own words).
 */
export function createConceptReader(vocabulary: ReadonlySet<string>): (word: string) => string {
  const cache = new Map<string, string>();
  const known = (word: string) => conceptOf.has(word) || vocabulary.has(word) || stopWords.has(word);
  return (word) => {
    const cached = cache.get(word);
    if (cached !== undefined) return cached;
    const base = known(word) ? word : (stems(word).find(known) ?? nearestWord(word, vocabulary) ?? word);
    const concept =
      conceptOf.get(base) ??
      stems(base)
        .map((stem) => conceptOf.get(stem))
        .find(Boolean) ??
      base;
    cache.set(word, concept);
    return concept;
  };
}

/** The concepts of a text, without stop words, in order. */
export function conceptsOf(text: string, readConcept: (word: string) => string): string[] {
  return splitWords(text)
    .filter((word) => !isStopWord(word))
    .map(readConcept)
    .filter((concept) => !isStopWord(concept) && !/^\d+$/.test(concept));
}

function stems(word: string): string[] {
  const candidates: string[] = [];
  const strip = (suffix: string, add = "") => {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) {
      candidates.push(word.slice(0, -suffix.length) + add);
    }
  };
  strip("'s");
  strip("ies", "y");
  strip("es");
  strip("s");
  strip("ing");
  strip("ing", "e");
  strip("ed");
  strip("ed", "e");
  strip("d");
  strip("er");
  strip("ly");
  return candidates;
}

function nearestWord(word: string, vocabulary: ReadonlySet<string>): string | undefined {
  if (word.length < 4 || /\d/.test(word)) return undefined;
  const limit = word.length >= 7 ? 2 : 1;
  let best: { word: string; distance: number } | undefined;
  for (const candidate of [...lexiconWords, ...vocabulary]) {
    if (candidate.length < 3 || Math.abs(candidate.length - word.length) > limit) continue;
    // Typos rarely change how a word starts; short words must keep their first two letters.
    if (candidate[0] !== word[0] || (word.length < 5 && candidate[1] !== word[1])) continue;
    const distance = editDistance(word, candidate, limit);
    if (distance > limit) continue;
    if (!best || distance < best.distance || (distance === best.distance && candidate < best.word)) {
      best = { word: candidate, distance };
    }
  }
  return best?.word;
}

/** Damerau–Levenshtein distance (adjacent swaps count once), stopping early past `limit`. */
export function editDistance(left: string, right: string, limit = Number.POSITIVE_INFINITY): number {
  const rows: number[][] = [];
  for (let i = 0; i <= left.length; i++) {
    const row: number[] = [i];
    let rowMinimum = i;
    for (let j = 1; j <= right.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      const above = rows[i - 1] ?? [];
      let value = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) {
        value = Math.min(value, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (i > 0 && rowMinimum > limit) return limit + 1;
    rows.push(row);
  }
  return rows[left.length]?.[right.length] ?? 0;
}
