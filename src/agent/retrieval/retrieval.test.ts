import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createProject } from "../../db/queries/projects.ts";
import { type UserScope, userScope, withSystem } from "../../db/rls.ts";
import { chunks, user } from "../../db/schema.ts";
import { createTestDatabase, type TestDatabase } from "../../db/testing/test-database.ts";
import {
  createLocalHashEmbedder,
  createModelEmbedder,
  type Embedder,
} from "../../providers/embeddings/index.ts";
import { createLocalHashEmbeddingModel } from "../../providers/embeddings/local-hash-embedding-model.ts";
import { ingestDocument } from "./ingest-document.ts";
import { reembedProject } from "./reembed-project.ts";
import { searchProject } from "./search-project.ts";

const fixtures = path.resolve(import.meta.dirname, "../../../../shared/fixtures/screenplays");
const brickAndSteel = readFileSync(path.join(fixtures, "brick-and-steel.fountain"));

/** The same hashing model under another id: its vectors must still never be compared with the first's. */
function otherModel(): Embedder {
  return createModelEmbedder({ id: "other-model-v1", kind: "local", model: createLocalHashEmbeddingModel() });
}

let database: TestDatabase;
let alice: UserScope;
let bob: UserScope;
let aliceProject: string;
let bobProject: string;
const embedder = createLocalHashEmbedder();

async function addUser(id: string): Promise<UserScope> {
  await database.db.insert(user).values({ id, name: id, email: `${id}@example.com` });
  return userScope(database.db, id);
}

beforeAll(async () => {
  database = await createTestDatabase();
  alice = await addUser("alice");
  bob = await addUser("bob");
  aliceProject = (await alice((tx) => createProject(tx, { ownerId: "alice", title: "Brick" }))).id;
  bobProject = (await bob((tx) => createProject(tx, { ownerId: "bob", title: "Other" }))).id;
  await ingestDocument({
    scope: alice,
    embedder,
    projectId: aliceProject,
    source: { type: "file", id: "file-1", label: "brick-and-steel.fountain" },
    screenplay: { bytes: brickAndSteel, fileName: "brick-and-steel.fountain" },
  });
});
afterAll(async () => {
  await database?.dispose();
});

describe("ingestion", () => {
  test("stores one chunk per scene plus the title page, labelled, with the model that embedded it", async () => {
    const stored = await alice((tx) => tx.select().from(chunks).orderBy(chunks.ordinal));
    expect(stored).toHaveLength(9);
    expect(stored[0]?.sourceLabel).toBe("brick-and-steel.fountain — Title page and opening");
    expect(stored[7]?.sourceLabel).toBe("brick-and-steel.fountain — Scene 7: INT. GARAGE - DAY");
    expect(stored[7]?.metadata).toMatchObject({ scene: "7", heading: "INT. GARAGE - DAY", page: 3 });
    expect(stored[7]?.content).toContain("STEEL: (starting the engine) So much for retirement!");
    expect(new Set(stored.map((chunk) => chunk.embeddingModel))).toEqual(new Set(["local-hash-768-v3"]));
    expect(stored.every((chunk) => chunk.ownerId === "alice" && chunk.embedding?.length === 768)).toBe(true);
  });

  test("is idempotent: the same content again writes nothing; changed text replaces the source's chunks", async () => {
    const source = { type: "note" as const, id: "note-1", label: "notes.md" };
    const first = await ingestDocument({
      scope: alice,
      embedder,
      projectId: aliceProject,
      source,
      text: "Shoot the garage at dawn.\n\nBring the Porsche.",
    });
    const again = await ingestDocument({
      scope: alice,
      embedder,
      projectId: aliceProject,
      source,
      text: "Shoot the garage at dawn.\n\nBring the Porsche.",
    });
    expect(first).toMatchObject({ chunks: 1, embedded: 1, unchanged: false });
    expect(again).toMatchObject({ chunks: 1, embedded: 0, unchanged: true });

    const long = Array.from(
      { length: 12 },
      (_, index) => `Paragraph ${index}: ${"the crew waits for the light. ".repeat(8)}`,
    ).join("\n\n");
    const changed = await ingestDocument({
      scope: alice,
      embedder,
      projectId: aliceProject,
      source,
      text: long,
    });
    expect(changed).toMatchObject({ unchanged: false, deleted: 1 });
    expect(changed.chunks).toBeGreaterThan(1);
    const notes = await alice((tx) => tx.select().from(chunks).where(eq(chunks.sourceId, "note-1")));
    expect(notes).toHaveLength(changed.chunks);
    expect(notes.every((chunk) => chunk.content.length <= 1500)).toBe(true);
    // Passages overlap: each part after the first starts with the end of the one before.
    const ordered = notes.sort((a, b) => a.ordinal - b.ordinal);
    expect(
      ordered[1]?.content.startsWith("…") ||
        ordered[0]?.content.endsWith(ordered[1]?.content.split("\n\n")[0] ?? ""),
    ).toBe(true);
  });

  test("another user cannot ingest into a project that is not theirs", async () => {
    await expect(
      ingestDocument({
        scope: bob,
        embedder,
        projectId: aliceProject,
        source: { type: "note", id: "x", label: "x" },
        text: "hello",
      }),
    ).rejects.toMatchObject({ code: "not_found:project" });
  });
});

describe("hybrid search", () => {
  test("finds the garage scene, says which rankers found it, and labels it", async () => {
    const result = await searchProject({
      scope: alice,
      embedder,
      projectId: aliceProject,
      query: "what happens in the garage?",
      k: 3,
    });
    expect(result.passages[0]?.source.label).toBe("brick-and-steel.fountain — Scene 7: INT. GARAGE - DAY");
    expect(result.passages[0]?.foundBy).toEqual(["full_text", "vector"]);
    expect(result.passages[0]?.score).toBeCloseTo(2 / 61, 5);
    expect(result.vectorSearch).toBe("exact");
  });

  test("quoted phrases keep web-search semantics", async () => {
    const result = await searchProject({
      scope: alice,
      embedder,
      projectId: aliceProject,
      query: '"point blank sniper"',
      k: 8,
    });
    const fullText = result.passages.filter((passage) => passage.foundBy.includes("full_text"));
    expect(fullText.map((passage) => passage.metadata.scene).sort()).toEqual(["3", "6"]);
  });

  test("another user's project returns nothing: not found, whatever they ask", async () => {
    await expect(
      searchProject({ scope: bob, embedder, projectId: aliceProject, query: "garage" }),
    ).rejects.toMatchObject({
      code: "not_found:project",
    });
    const own = await searchProject({ scope: bob, embedder, projectId: bobProject, query: "garage" });
    expect(own.passages).toEqual([]);
  });

  test("filters by source type", async () => {
    const result = await searchProject({
      scope: alice,
      embedder,
      projectId: aliceProject,
      query: "crew light",
      sourceTypes: ["file"],
    });
    expect(result.passages.every((passage) => passage.source.type === "file")).toBe(true);
  });

  test("an empty query is a clear client error", async () => {
    await expect(
      searchProject({ scope: alice, embedder, projectId: aliceProject, query: "  " }),
    ).rejects.toMatchObject({
      code: "bad_request:query",
    });
  });
});

describe("embedding models are never mixed", () => {
  test("chunks of model A are not in model B's vector ranking until the project is re-embedded", async () => {
    const modelB = otherModel();
    const before = await searchProject({
      scope: alice,
      embedder: modelB,
      projectId: aliceProject,
      query: "Mom's Porsche",
      k: 9,
    });
    expect(before.passages.length).toBeGreaterThan(0);
    expect(before.passages.every((passage) => passage.ranks.vector === null)).toBe(true);

    const { reembedded } = await reembedProject({
      scope: alice,
      embedder: modelB,
      projectId: aliceProject,
      batchSize: 4,
    });
    expect(reembedded).toBeGreaterThanOrEqual(9);
    const models = await withSystem(database.db, (tx) =>
      tx.selectDistinct({ model: chunks.embeddingModel }).from(chunks),
    );
    expect(models).toEqual([{ model: "other-model-v1" }]);

    const after = await searchProject({
      scope: alice,
      embedder: modelB,
      projectId: aliceProject,
      query: "Mom's Porsche",
      k: 9,
    });
    expect(after.passages[0]?.foundBy).toContain("vector");
    const forA = await searchProject({
      scope: alice,
      embedder,
      projectId: aliceProject,
      query: "Mom's Porsche",
      k: 9,
    });
    expect(forA.passages.every((passage) => passage.ranks.vector === null)).toBe(true);
    expect(
      (await reembedProject({ scope: alice, embedder: modelB, projectId: aliceProject })).reembedded,
    ).toBe(0);
  });
});
