import type { BreakdownCategory } from "../categories.ts";
import { generalLexicon } from "./lexicons/general-lexicon.ts";
import { nigerianLexicon } from "./lexicons/nigerian-lexicon.ts";

/** A lexicon term found in text. */
export interface LexiconHit {
  category: BreakdownCategory;
  name: string;
  start: number;
  end: number;
}

const escapeTerm = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/[ -]/g, "[ -]");

// A term written `~tie` is also a common verb: it only counts after a determiner (`his tie`, `a fan`).
const determiner = String.raw`(?<=\b(?:a|an|the|his|her|their|my|your|its|our|this|that)\s+(?:[\p{L}-]+\s+)?)`;

interface CompiledCategory {
  category: BreakdownCategory;
  pattern: RegExp;
  /** `gen=generator`: the word written, and the name it is tagged under. */
  canonical: Map<string, string>;
}

function compile(): CompiledCategory[] {
  const terms = new Map<BreakdownCategory, Set<string>>();
  for (const lexicon of [generalLexicon, nigerianLexicon]) {
    for (const [category, words] of Object.entries(lexicon) as Array<[BreakdownCategory, string[]]>) {
      const set = terms.get(category) ?? new Set<string>();
      for (const word of words) set.add(word.toLowerCase());
      terms.set(category, set);
    }
  }
  return [...terms.entries()]
    .filter(([, words]) => words.size > 0)
    .map(([category, words]) => {
      const canonical = new Map<string, string>();
      const sorted = [...words].map((word) => {
        const [written = word, name] = word.replace(/^~/, "").split("=");
        if (name) canonical.set(written, name);
        return { written, guarded: word.startsWith("~") };
      });
      sorted.sort((left, right) => right.written.length - left.written.length);
      const alternatives = sorted
        .map(({ written, guarded }) => (guarded ? determiner : "") + escapeTerm(written))
        .join("|");
      return {
        category,
        canonical,
        pattern: new RegExp(`(?<![\\p{L}\\d-])(${alternatives})(?:s|es)?(?![\\p{L}\\d-])`, "giu"),
      };
    });
}

let compiled: ReturnType<typeof compile> | null = null;

/** Finds every lexicon term of every category in the text (longest term first, no overlaps within a category). */
export function matchLexicon(text: string): LexiconHit[] {
  compiled ??= compile();
  const hits: LexiconHit[] = [];
  for (const { category, pattern, canonical } of compiled) {
    for (const match of text.matchAll(pattern)) {
      const written = (match[1] ?? "")
        .toLowerCase()
        .replace(/[ -]+/g, (separator) => (separator.includes("-") ? "-" : " "));
      const name = canonical.get(written) ?? written;
      hits.push({ category, name, start: match.index, end: match.index + match[0].length });
    }
  }
  return hits;
}
