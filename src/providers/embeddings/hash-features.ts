/**
 * The features the local hashing embedder counts: content words (Porter stems), adjacent word pairs and
 * character n-grams of each word, so "witches" still meets "witch", "graduation" meets "graduate" and a
 * misspelt name meets the real one.
 */

const stopWords = new Set(
  (
    "a about above after again against all am an and any are as at be because been before being below between " +
    "both but by can could did do does doing down during each few for from further had has have having he her " +
    "here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not " +
    "now of off on once only or other our ours ourselves out over own same she should so some such than that the " +
    "their theirs them themselves then there these they this those through to too under until up very was we " +
    "were what when where which while who whom why will with would you your yours yourself yourselves s t d ll m " +
    "re ve don didn doesn isn wasn won cont" +
    // Screenplay format words (scene headings, transitions, V.O./O.S.) say nothing about the story; words
    // like CUT or MATCH that stories use too stay.
    " int ext continuous fade dissolve crossfade prelap pov o v"
  ).split(" "),
);

import { conceptFamily } from "./concept-families.ts";
import { porterStem } from "./porter-stem.ts";

/** Lower-cased words without accents; possessive `'s` dropped. */
export function words(text: string): string[] {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/['\u2019]s\b/g, "")
      .match(/[a-z0-9]+/g) ?? []
  );
}

/**
 * A light suffix stripper: plural and verb endings only, enough to join "meets", "meeting" and "meet". The
 * story word families and full-text query expansion are written against it; features use `porterStem`.
 */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (word.endsWith("ches") || word.endsWith("shes") || word.endsWith("xes")) return word.slice(0, -2);
  if (word.endsWith("ing") && word.length > 5) return word.slice(0, -3);
  if (word.endsWith("ed") && word.length > 4) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) return word.slice(0, -1);
  return word;
}

export type WeightedFeature = { feature: string; weight: number };

/** Weights by kind of feature: whole words carry most of the meaning; n-grams catch spelling variants. */
const wordWeight = 1;
const pairWeight = 0.5;
const gramWeight = 0.3;
// A family stands for one word of it, so it weighs as much as a word: never more than the word the text
// actually uses (full text, likewise, counts a family's other members at half weight).
const conceptWeight = 1;

/**
 * Counts features of `text` and weighs them with sublinear term frequency (1 + ln count). Texts made only
 * of stop words fall back to those words, so "who is he?" still has a direction.
 */
export function hashFeatures(text: string): WeightedFeature[] {
  const all = words(text);
  const content = all.filter((word) => !stopWords.has(word));
  const kept = content.length > 0 ? content : all;
  const chosen = kept.map(porterStem);
  const counts = new Map<string, { count: number; weight: number }>();
  const add = (feature: string, weight: number) => {
    const entry = counts.get(feature);
    if (entry) entry.count += 1;
    else counts.set(feature, { count: 1, weight });
  };
  chosen.forEach((word, index) => {
    add(`w:${word}`, wordWeight);
    // Families are written as whole words and light stems ("driv", "swimm"), not Porter stems.
    const whole = kept[index] ?? word;
    const concept = conceptFamily(whole, stem(whole));
    if (concept !== undefined) add(`c:${concept}`, conceptWeight);
    const next = chosen[index + 1];
    if (next !== undefined) add(`p:${word} ${next}`, pairWeight);
    const padded = `<${word}>`;
    const grams: string[] = [];
    for (const size of [3, 4]) {
      for (let start = 0; start + size <= padded.length; start += 1)
        grams.push(padded.slice(start, start + size));
    }
    // A word's n-grams share one word's worth of weight, so long words do not drown short ones.
    const share = gramWeight / Math.sqrt(Math.max(grams.length, 1));
    for (const gram of grams) add(`g:${gram}`, share);
  });
  return [...counts].map(([feature, { count, weight }]) => ({
    feature,
    weight: weight * (1 + Math.log(count)),
  }));
}
