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

test("hybrid search with the offline hashing embedder reaches recall@5 of at least 0.9", async () => {
  const report = await runRetrievalEvals({ db: database.db, embedder: createLocalHashEmbedder() });
  const misses = report.perQuestion
    .filter((result) => result.hitAt === null)
    .map((miss) => `${miss.question} → ${miss.top.join(" | ")}`);
  expect(report.recallAt5, `missed:\n${misses.join("\n")}`).toBeGreaterThanOrEqual(report.threshold);
});
