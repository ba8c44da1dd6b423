import type { FullTextTerm } from "../../db/queries/chunk-search.ts";
import { conceptFamily, familyMembers, stem, words } from "../../providers/embeddings/index.ts";

/** Words added by query expansion count half as much as the words the user typed. */
export const expansionWeight = 0.5;

/**
 * Words that name the passage itself: every passage of a screenplay is a scene, so "the garage scene" asks
 * for "garage", and the rare passages whose action text says "scene" should not outrank it.
 */
const passageWords = new Set(["scene", "scenes"]);

/**
 * The full-text terms of a query: each typed word is a term of its own (but for words naming the passage
 * itself, unless the query has nothing else); the other members of the story
 * word families the typed words belong to ("funeral" → "cemetery", "grave") form one extra term per
 * family at half weight, so a passage gains once for a family however many of its members it contains.
 * `expand: false` (exact search syntax) keeps the typed words only.
 */
export function fullTextTerms(query: string, options: { expand: boolean }): FullTextTerm[] {
  const all = [...new Set(words(query))];
  const content = all.filter((word) => !passageWords.has(word));
  const typed = options.expand && content.length > 0 ? content : all;
  const terms: FullTextTerm[] = typed.map((text, group) => ({ text, group, weight: 1 }));
  if (!options.expand) return terms;
  const given = new Set([...typed, ...typed.map(stem)]);
  const families = new Set<string>();
  for (const word of typed) {
    const family = conceptFamily(word, stem(word));
    if (family !== undefined) families.add(family);
  }
  for (const family of families) {
    const group = terms.length;
    for (const member of familyMembers(family)) {
      if (!given.has(member)) terms.push({ text: member, group, weight: expansionWeight });
    }
  }
  return terms;
}
