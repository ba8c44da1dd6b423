import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type NewChunk, replaceSourceChunks } from "../../db/queries/chunks.ts";
import { createProject, deleteProjectRows } from "../../db/queries/projects.ts";
import { type UserScope, type UserTransaction, userScope } from "../../db/rls.ts";
import { selectRows } from "../../db/rows.ts";
import { user } from "../../db/schema.ts";
import { createTestDatabase, type TestDatabase } from "../../db/testing/test-database.ts";
import { hashEmbedding, localHashModelId } from "../../providers/embeddings/index.ts";
import { hashContent } from "./chunk-draft.ts";

let database: TestDatabase;
let alice: UserScope;
let bob: UserScope;
let projectId: string;

function notes(texts: string[]): NewChunk[] {
  return texts.map((content, ordinal) => ({
    sourceLabel: `notes — ${ordinal}`,
    ordinal,
    content,
    contentHash: hashContent(content),
    metadata: {},
    embedding: hashEmbedding(content),
    embeddingModel: localHashModelId,
  }));
}

/** The document frequencies the triggers kept, as the caller sees them. */
async function storedFrequencies(tx: UserTransaction): Promise<Record<string, number>> {
  const rows = await selectRows<{ lexeme: string; chunks: number }>(
    tx,
    sql`SELECT lexeme, chunks FROM chunk_terms WHERE project_id = ${projectId}`,
  );
  return Object.fromEntries(rows.map((row) => [row.lexeme, row.chunks]));
}

/** The same frequencies counted from the chunks themselves. */
async function countedFrequencies(tx: UserTransaction): Promise<Record<string, number>> {
  const rows = await selectRows<{ lexeme: string; chunks: number }>(
    tx,
    sql`SELECT lexeme, count(*)::int AS chunks
        FROM chunks CROSS JOIN LATERAL unnest(tsvector_to_array(search_vector)) AS lexeme
        WHERE project_id = ${projectId} GROUP BY lexeme`,
  );
  return Object.fromEntries(rows.map((row) => [row.lexeme, row.chunks]));
}

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.insert(user).values([
    { id: "alice", name: "alice", email: "alice@example.com" },
    { id: "bob", name: "bob", email: "bob@example.com" },
  ]);
  alice = userScope(database.db, "alice");
  bob = userScope(database.db, "bob");
  projectId = (await alice((tx) => createProject(tx, { ownerId: "alice", title: "Notes" }))).id;
});
afterAll(async () => {
  await database?.dispose();
});

describe("document frequencies (chunk_terms)", () => {
  test("follow every insert and delete of chunks, per lexeme", async () => {
    const key = { projectId, sourceType: "note", sourceId: "first" } as const;
    await alice((tx) =>
      replaceSourceChunks(tx, key, notes(["Edward plants daffodils.", "Daffodils at night.", "Rain."])),
    );
    await alice((tx) =>
      replaceSourceChunks(tx, { ...key, sourceId: "second" }, notes(["A daffodil field in the rain."])),
    );
    const afterInserts = await alice(storedFrequencies);
    expect(afterInserts).toEqual(await alice(countedFrequencies));
    expect(afterInserts.daffodil).toBe(3);

    await alice((tx) => replaceSourceChunks(tx, key, notes(["Sandra reads by the window."])));
    const afterReplace = await alice(storedFrequencies);
    expect(afterReplace).toEqual(await alice(countedFrequencies));
    expect(afterReplace.daffodil).toBe(1);
    // A lexeme no chunk holds any more has no row at all.
    expect(afterReplace.edward).toBeUndefined();
  });

  test("concurrent writers of one project's chunks neither deadlock nor miscount", async () => {
    // Overlapping words in every source, so the writers update the same lexeme rows.
    const words = Array.from({ length: 300 }, (_, index) => `word${index}`);
    const texts = (seed: number) =>
      Array.from({ length: 20 }, (_, row) =>
        Array.from({ length: 30 }, (_, word) => words[(seed * 7 + row * 13 + word * 31) % words.length]).join(
          " ",
        ),
      );
    for (let round = 0; round < 6; round += 1) {
      await Promise.all(
        Array.from({ length: 6 }, (_, writer) =>
          alice((tx) =>
            replaceSourceChunks(
              tx,
              { projectId, sourceType: "note", sourceId: `writer-${writer}` },
              notes(texts(round * 6 + writer)),
            ),
          ),
        ),
      );
    }
    expect(await alice(storedFrequencies)).toEqual(await alice(countedFrequencies));
  });

  test("are the owner's only, and go with the project", async () => {
    expect(await bob(storedFrequencies)).toEqual({});
    await alice((tx) => deleteProjectRows(tx, projectId));
    expect(await alice(storedFrequencies)).toEqual({});
  });
});
