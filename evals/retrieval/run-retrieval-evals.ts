import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ingestDocument } from "../../src/agent/retrieval/ingest-document.ts";
import { searchProject } from "../../src/agent/retrieval/search-project.ts";
import type { Database } from "../../src/db/client.ts";
import { createProject } from "../../src/db/queries/projects.ts";
import { userScope } from "../../src/db/rls.ts";
import { user } from "../../src/db/schema.ts";
import { newId } from "../../src/lib/ids.ts";
import type { Embedder } from "../../src/providers/embeddings/index.ts";

const datasetSchema = z.object({
  thresholds: z.object({ recallAt5: z.number() }),
  questions: z
    .array(
      z.object({
        id: z.string(),
        question: z.string(),
        script: z.string(),
        /** Scene numbers as the script engine counts them, or "opening" for the title page and opening. */
        scenes: z.array(z.string()).min(1),
        answer: z.string(),
      }),
    )
    .min(25),
});
export type RetrievalDataset = z.infer<typeof datasetSchema>;

/** The shared screenplays: CI clones the repository with `shared/` beside it. */
export const screenplayFixtures = path.resolve(import.meta.dirname, "../../../shared/fixtures/screenplays");

/** The question set, validated. */
export function loadRetrievalDataset(): RetrievalDataset {
  const file = path.join(import.meta.dirname, "retrieval-questions.json");
  return datasetSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}

export type QuestionResult = {
  id: string;
  question: string;
  expected: string[];
  /** Labels of the top five passages, best first. */
  top: string[];
  /** 1-based position of the first answering passage in the top 5, or null. */
  hitAt: number | null;
};

export type RetrievalEvalReport = {
  recallAt5: number;
  /** Recall@5 of the `heldout-` questions only: written without looking at the embedder's misses. */
  heldOut: { hits: number; questions: number };
  threshold: number;
  embeddingModel: string;
  perQuestion: QuestionResult[];
};

/**
 * Ingests both shared screenplays into a fresh project of a fresh user, asks every question of the dataset
 * through hybrid search, and measures recall@5: the share of questions with an answering scene in the top 5.
 */
export async function runRetrievalEvals(deps: {
  db: Database;
  embedder: Embedder;
}): Promise<RetrievalEvalReport> {
  const dataset = loadRetrievalDataset();
  const userId = `retrieval-eval-${newId()}`;
  await deps.db.insert(user).values({ id: userId, name: "Retrieval eval", email: `${userId}@example.com` });
  const scope = userScope(deps.db, userId);
  const project = await scope((tx) => createProject(tx, { ownerId: userId, title: "Retrieval eval" }));
  const scripts = [...new Set(dataset.questions.map((question) => question.script))];
  for (const fileName of scripts) {
    await ingestDocument({
      scope,
      embedder: deps.embedder,
      projectId: project.id,
      source: { type: "file", id: fileName, label: fileName },
      screenplay: { bytes: readFileSync(path.join(screenplayFixtures, fileName)), fileName },
    });
  }
  const perQuestion: QuestionResult[] = [];
  for (const question of dataset.questions) {
    const { passages } = await searchProject({
      scope,
      embedder: deps.embedder,
      projectId: project.id,
      query: question.question,
      k: 5,
    });
    const index = passages.findIndex((passage) => {
      const scene = passage.metadata.scene;
      const sceneKey = typeof scene === "string" ? scene : "opening";
      return passage.source.id === question.script && question.scenes.includes(sceneKey);
    });
    perQuestion.push({
      id: question.id,
      question: question.question,
      expected: question.scenes,
      top: passages.map((passage) => passage.source.label),
      hitAt: index >= 0 ? index + 1 : null,
    });
  }
  const hits = perQuestion.filter((result) => result.hitAt !== null).length;
  const heldOut = perQuestion.filter((result) => result.id.startsWith("heldout-"));
  return {
    recallAt5: hits / perQuestion.length,
    heldOut: {
      hits: heldOut.filter((result) => result.hitAt !== null).length,
      questions: heldOut.length,
    },
    threshold: dataset.thresholds.recallAt5,
    embeddingModel: deps.embedder.id,
    perQuestion,
  };
}
