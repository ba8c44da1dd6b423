import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { prepareVectorSearch, vectorSearchChunks } from "../../db/queries/chunk-search.ts";
import { createProject } from "../../db/queries/projects.ts";
import { withSystem, withUser } from "../../db/rls.ts";
import { selectRows } from "../../db/rows.ts";
import { chunks, user } from "../../db/schema.ts";
import { createTestDatabase, type TestDatabase } from "../../db/testing/test-database.ts";
import { clusteredVectors } from "./testing-clustered-vectors.ts";

const total = 1000;
const k = 10;
const model = "clustered-test";
let database: TestDatabase;
let projectId: string;
const data = clusteredVectors({ dimensions: 768, clusters: 40, spread: 0.6, seed: 7 });

beforeAll(async () => {
  database = await createTestDatabase();
  for (const id of ["owner", "crowd"]) {
    await database.db.insert(user).values({ id, name: id, email: `${id}@example.com` });
  }
  projectId = (
    await withUser(database.db, "owner", (tx) => createProject(tx, { ownerId: "owner", title: "Small" }))
  ).id;
  const crowdProject = (
    await withUser(database.db, "crowd", (tx) => createProject(tx, { ownerId: "crowd", title: "Big" }))
  ).id;
  // One row in ten is the owner's, spread over every cluster: the filter keeps 10% of each neighbourhood.
  const rows = Array.from({ length: total }, (_, index) => {
    const mine = index % 10 === 0;
    return {
      ownerId: mine ? "owner" : "crowd",
      projectId: mine ? projectId : crowdProject,
      sourceType: "note" as const,
      sourceId: `note-${index}`,
      sourceLabel: `note ${index}`,
      ordinal: 0,
      content: `passage ${index}`,
      contentHash: String(index),
      embedding: data.sample(index),
      embeddingModel: model,
    };
  });
  // Building the index once after the load is much faster than growing it row by row.
  await database.db.execute(sql`DROP INDEX chunks_embedding_idx`);
  await withSystem(database.db, async (tx) => {
    for (let start = 0; start < rows.length; start += 250)
      await tx.insert(chunks).values(rows.slice(start, start + 250));
  });
  await database.db.execute(
    sql`CREATE INDEX chunks_embedding_idx ON chunks USING hnsw (embedding vector_cosine_ops)`,
  );
});
afterAll(async () => {
  await database?.dispose();
});

/** Sorting is priced out so the planner takes the HNSW index, as it does on large tables; the point here. */
async function indexSearch(iterative: boolean, query: number[]) {
  return withUser(database.db, "owner", async (tx) => {
    await tx.execute(sql`SET LOCAL enable_sort = off`);
    if (iterative) await prepareVectorSearch(tx, k);
    const plan = await selectRows<Record<string, string>>(
      tx,
      sql`EXPLAIN SELECT id FROM chunks WHERE project_id = ${projectId} AND embedding_model = ${model}
          ORDER BY embedding <=> ${`[${query.join(",")}]`}::vector LIMIT ${k}`,
    );
    const hits = await vectorSearchChunks(tx, {
      projectId,
      embeddingModel: model,
      vector: query,
      limit: k,
      mode: "index",
    });
    return { hits, plan: plan.map((row) => Object.values(row).join(" ")).join("\n") };
  });
}

test("a filtered HNSW search with iterative scans returns k rows, close to the exact answer", async () => {
  const query = data.sample(3);
  const plain = await indexSearch(false, query);
  const iterative = await indexSearch(true, query);
  const exact = await withUser(database.db, "owner", (tx) =>
    vectorSearchChunks(tx, { projectId, embeddingModel: model, vector: query, limit: k, mode: "exact" }),
  );

  expect(iterative.plan).toContain("chunks_embedding_idx");
  // Without iterative scans the index yields ef_search (40) neighbours and the filter keeps about a tenth.
  expect(plain.hits.length).toBeLessThan(k);
  expect(iterative.hits).toHaveLength(k);
  expect(exact).toHaveLength(k);
  const exactIds = new Set(exact.map((hit) => hit.id));
  const recall = iterative.hits.filter((hit) => exactIds.has(hit.id)).length / k;
  expect(recall).toBeGreaterThanOrEqual(0.9);
});
