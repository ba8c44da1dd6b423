import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../src/db/testing/test-database.ts";
import { createLocalHashEmbedder } from "../../src/providers/embeddings/index.ts";
import { loadRetrievalDataset, runRetrievalEvals } from "./run-retrieval-evals.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.dispose();
});

test("the dataset has at least 25 questions, each naming answering scenes", () => {
  const dataset = loadRetrievalDataset();
  expect(dataset.questions.length).toBeGreaterThanOrEqual(25);
  expect(new Set(dataset.questions.map((question) => question.id)).size).toBe(dataset.questions.length);
});

/**
 * The target is recall@5 ≥ 0.9 (`thresholds.recallAt5`, printed by `npm run evals`). The offline
 * hashing embedder `local-hash-768-v3` measures 56/62 = 0.903 (held-out questions 24/28); v2 measured 55/62.
 * The remaining misses are questions worded unlike their scene, which hashing cannot bridge; one more miss
 * fails this test, so a change to retrieval has to keep the target.
 */
const measuredRecallFloor = 0.9;

test("hybrid search with the offline hashing embedder keeps its measured recall@5", async () => {
  const report = await runRetrievalEvals({ db: database.db, embedder: createLocalHashEmbedder() });
  const misses = report.perQuestion
    .filter((result) => result.hitAt === null)
    .map((miss) => `${miss.question} → ${miss.top.join(" | ")}`);
  expect(report.recallAt5, `missed:\n${misses.join("\n")}`).toBeGreaterThanOrEqual(
    Math.min(report.threshold, measuredRecallFloor),
  );
});
