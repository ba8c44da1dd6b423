import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildBreakdown } from "../breakdown/build-breakdown.ts";
import type { BreakdownCategory } from "../categories.ts";
import { parseFountain } from "../fountain/parse-fountain.ts";
import { createOfflineExtractor } from "./offline-extractor.ts";
import { scoreExtraction } from "./score-extraction.ts";

const evalsDirectory = path.resolve(import.meta.dirname, "../../../../evals/breakdown");
const labelled = ["danfo-wahala", "owambe", "night-shift"];

interface Labels {
  scenes: Array<{ heading: string; elements: Partial<Record<BreakdownCategory, string[]>> }>;
}

describe("offline extractor on the labelled screenplays", () => {
  it("finds at least 80% of what a breakdown artist tags", async () => {
    const expected: Labels["scenes"][number]["elements"][] = [];
    const found: Array<Array<{ category: BreakdownCategory; name: string }>> = [];
    for (const name of labelled) {
      const labels = JSON.parse(
        readFileSync(path.join(evalsDirectory, `${name}.labels.json`), "utf8"),
      ) as Labels;
      const screenplay = parseFountain(readFileSync(path.join(evalsDirectory, `${name}.fountain`), "utf8"));
      const breakdown = await buildBreakdown({ screenplay, extractor: createOfflineExtractor() });
      expect(breakdown.scenes.map((scene) => scene.heading)).toEqual(
        labels.scenes.map((scene) => scene.heading),
      );
      expected.push(...labels.scenes.map((scene) => scene.elements));
      found.push(...breakdown.scenes.map((scene) => scene.elements));
    }
    const scores = scoreExtraction(expected, found);
    const rows = scores.filter((score) => score.expected > 0 || score.found > 0);
    const overall = {
      expected: rows.reduce((sum, score) => sum + score.expected, 0),
      matched: rows.reduce((sum, score) => sum + score.matchedExpected, 0),
      found: rows.reduce((sum, score) => sum + score.found, 0),
      truePositives: rows.reduce((sum, score) => sum + score.truePositives, 0),
    };
    const table = rows.map((score) => ({
      category: score.category as string,
      expected: score.expected,
      found: score.found,
      precision: score.precision.toFixed(2),
      recall: score.recall.toFixed(2),
    }));
    table.push({
      category: "overall",
      expected: overall.expected,
      found: overall.found,
      precision: (overall.truePositives / overall.found).toFixed(2),
      recall: (overall.matched / overall.expected).toFixed(2),
    });
    console.table(table);
    expect(overall.matched / overall.expected).toBeGreaterThanOrEqual(0.8);
  });
});
