import type { BreakdownCategory } from "../categories.ts";
import { breakdownCategories } from "../categories.ts";

/** Precision and recall of one category over a labelled set. */
export interface CategoryScore {
  category: BreakdownCategory;
  expected: number;
  found: number;
  truePositives: number;
  matchedExpected: number;
  precision: number;
  recall: number;
}

const stopWords = new Set(["a", "an", "the", "of", "on", "in"]);

function singular(word: string): string {
  if (/ies$/.test(word)) return word.replace(/ies$/, "y");
  if (/oes$/.test(word)) return word.slice(0, -2);
  if (/(?:s|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

function normalise(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\d\s-]/gu, " ")
    .split(/\s+/)
    .filter((word) => word && !stopWords.has(word))
    .map((word) => (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? singular(word) : word))
    .join(" ");
}

/** Two names match when, normalised, one holds the other as whole words (`suit` ↔ `ankara skirt suit`). */
export function namesMatch(left: string, right: string): boolean {
  const a = ` ${normalise(left)} `;
  const b = ` ${normalise(right)} `;
  return a.trim() !== "" && b.trim() !== "" && (a.includes(b) || b.includes(a));
}

/** Scores found elements against labels, scene by scene, per category. */
export function scoreExtraction(
  expected: Array<Partial<Record<BreakdownCategory, string[]>>>,
  found: Array<Array<{ category: BreakdownCategory; name: string }>>,
): CategoryScore[] {
  return breakdownCategories.map((category) => {
    let expectedCount = 0;
    let foundCount = 0;
    let truePositives = 0;
    let matchedExpected = 0;
    expected.forEach((labels, sceneIndex) => {
      const want = labels[category] ?? [];
      const got = (found[sceneIndex] ?? [])
        .filter((element) => element.category === category)
        .map((element) => element.name);
      expectedCount += want.length;
      foundCount += got.length;
      truePositives += got.filter((name) => want.some((label) => namesMatch(label, name))).length;
      matchedExpected += want.filter((label) => got.some((name) => namesMatch(label, name))).length;
    });
    return {
      category,
      expected: expectedCount,
      found: foundCount,
      truePositives,
      matchedExpected,
      precision: foundCount === 0 ? 1 : truePositives / foundCount,
      recall: expectedCount === 0 ? 1 : matchedExpected / expectedCount,
    };
  });
}
