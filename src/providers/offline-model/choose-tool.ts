import type { ToolCatalog, ToolProfile } from "./tool-profile.ts";

/** How well one tool explains a request. */
export type ToolScore = {
  profile: ToolProfile;
  /** The share of the request's meaning (weighted by rarity) that the tool's declared words cover. */
  coverage: number;
  /** The best overlap with one of the tool's example requests. */
  exampleSimilarity: number;
  score: number;
};

/** Below this a tool is not a match; the request is then a question, or something no tool does. */
export const matchThreshold = 0.3;
/** An example this close means the user said nearly what the tool declares it answers. */
export const closeExample = 0.6;

/**
 * Scores every offered tool against the request's concepts: coverage of the request by the tool's
 * weighted words (rare concepts count more), plus the similarity to its closest example request.
 */
export function scoreTools(requestConcepts: string[], catalog: ToolCatalog): ToolScore[] {
  const unique = [...new Set(requestConcepts)];
  const total = unique.reduce((sum, concept) => sum + catalog.idf(concept), 0);
  const scores = catalog.profiles.map((profile): ToolScore => {
    if (total === 0) return { profile, coverage: 0, exampleSimilarity: 0, score: 0 };
    let covered = 0;
    for (const concept of unique) covered += catalog.idf(concept) * (profile.weights.get(concept) ?? 0);
    const coverage = covered / total;
    let exampleSimilarity = 0;
    for (const example of profile.examples) {
      exampleSimilarity = Math.max(exampleSimilarity, similarity(unique, example, catalog.idf));
    }
    return { profile, coverage, exampleSimilarity, score: coverage + 0.5 * exampleSimilarity };
  });
  return scores.sort(
    (left, right) => right.score - left.score || left.profile.name.localeCompare(right.profile.name),
  );
}

/** Weighted Jaccard overlap between the request and one example. */
function similarity(request: string[], example: Set<string>, idf: (concept: string) => number): number {
  let shared = 0;
  let union = 0;
  const requestSet = new Set(request);
  for (const concept of requestSet) {
    const weight = idf(concept);
    union += weight;
    if (example.has(concept)) shared += weight;
  }
  for (const concept of example) if (!requestSet.has(concept)) union += idf(concept);
  return union === 0 ? 0 : shared / union;
}
