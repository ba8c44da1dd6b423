import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fullTextReadBudget } from "../../db/queries/chunk-search.ts";
import { type NewChunk, replaceSourceChunks } from "../../db/queries/chunks.ts";
import { createProject } from "../../db/queries/projects.ts";
import { type UserScope, userScope } from "../../db/rls.ts";
import { user } from "../../db/schema.ts";
import { createTestDatabase, type TestDatabase } from "../../db/testing/test-database.ts";
import {
  createLocalHashEmbedder,
  hashEmbedding,
  localHashModelId,
} from "../../providers/embeddings/index.ts";
import { hashContent } from "./chunk-draft.ts";
import { type Passage, searchProject } from "./search-project.ts";

let database: TestDatabase;
let scope: UserScope;
let projectId: string;
const embedder = createLocalHashEmbedder();

/**
 * Passages numbered so every one is distinct: `night` is in all of them and `rain` in all but the few
 * special ones, so both are common words; the rest are rare.
 */
const fillers = ["the crew rests", "a car passes", "water on the roof", "dogs bark far away"];
function passage(index: number): string {
  const special: Record<number, string> = {
    3: "Edward plants daffodils on the lawn at night.",
    10: "Sandra finds daffodils under her window.",
    20: "A field of daffodils by the road.",
    30: "They stand by the open grave at night, mourners at the cemetery, a coffin and a burial.",
    31: "Edward goes to the funeral at night, then walks home alone.",
    40: "The house stands dark at night.",
    41: "Lights on in the house at night.",
  };
  return `Note ${index}. ${special[index] ?? `${fillers[index % fillers.length]} in the rain at night.`}`;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.insert(user).values({ id: "writer", name: "writer", email: "writer@example.com" });
  scope = userScope(database.db, "writer");
  projectId = (await scope((tx) => createProject(tx, { ownerId: "writer", title: "Notes" }))).id;
  const rows: NewChunk[] = Array.from({ length: fullTextReadBudget + 300 }, (_, index) => {
    const content = passage(index);
    return {
      sourceLabel: `notes — ${index}`,
      ordinal: index,
      content,
      contentHash: hashContent(content),
      metadata: { index },
      embedding: hashEmbedding(content),
      embeddingModel: localHashModelId,
    };
  });
  await scope((tx) => replaceSourceChunks(tx, { projectId, sourceType: "note", sourceId: "notes" }, rows));
});
afterAll(async () => {
  await database?.dispose();
});

async function fullTextHits(query: string): Promise<Passage[]> {
  const { passages } = await searchProject({ scope, embedder, projectId, query, k: 40 });
  return passages
    .filter((found) => found.ranks.fullText !== null)
    .sort((a, b) => (a.ranks.fullText ?? 0) - (b.ranks.fullText ?? 0));
}

describe("full-text ranking", () => {
  test("a word whose matches do not fit the read budget only scores what rarer words find", async () => {
    const hits = await fullTextHits("daffodils at night");
    expect(new Set(hits.map((hit) => hit.metadata.index))).toEqual(new Set([3, 10, 20]));
  });

  test("a query of common words only finds the passages where they meet", async () => {
    const hits = await fullTextHits("rain at night");
    expect(hits.length).toBeGreaterThan(20);
    expect(hits.every((hit) => hit.text.includes("rain") && hit.text.includes("night"))).toBe(true);
  });

  test("related words of one family count once: the word asked for outranks five of its relatives", async () => {
    const hits = await fullTextHits("funeral");
    expect(hits.map((hit) => hit.metadata.index)).toEqual([31, 30]);
  });
});
