import { embedMany } from "ai";
import { describe, expect, test } from "vitest";
import { createLocalHashEmbedder } from "./create-embedder.ts";
import { embeddingDimensions } from "./embedder.ts";
import {
  createLocalHashEmbeddingModel,
  hashEmbedding,
  localHashModelId,
} from "./local-hash-embedding-model.ts";

const cosine = (a: number[], b: number[]) =>
  a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);

describe("the local hashing embedder", () => {
  test("is an EmbeddingModelV3 used through embedMany: 768 dimensions, unit length, deterministic", async () => {
    const model = createLocalHashEmbeddingModel();
    const texts = ["INT. GARAGE - DAY. Brick and Steel get into Mom's Porsche.", "The witch's glass eye"];
    const first = await embedMany({ model, values: texts });
    const second = await embedMany({ model, values: texts });
    expect(first.embeddings).toEqual(second.embeddings);
    for (const vector of first.embeddings) {
      expect(vector).toHaveLength(embeddingDimensions);
      expect(Math.sqrt(cosine(vector, vector))).toBeCloseTo(1, 10);
    }
    expect(model.modelId).toBe(localHashModelId);
  });

  test("texts sharing words (or only their endings) are closer than unrelated texts", () => {
    const query = hashEmbedding("where does Edward meet the witches?");
    const related = hashEmbedding("Edward meets the old witch at her creepy house by the swamp.");
    const unrelated = hashEmbedding("Sandra hangs sheets to dry on the clotheslines.");
    expect(cosine(query, related)).toBeGreaterThan(cosine(query, unrelated) + 0.2);
  });

  test("a noun meets its verb through Porter stems: a question about graduating finds the graduation", () => {
    const question = hashEmbedding("when does Edward graduate?");
    expect(cosine(question, hashEmbedding("GRADUATION STAGE. Edward accepts his diploma."))).toBeGreaterThan(
      cosine(question, hashEmbedding("STAGE. Edward accepts his award.")),
    );
  });

  test("words of one family point the same way: a question about dying finds a funeral", () => {
    const question = hashEmbedding("how does he die?");
    expect(cosine(question, hashEmbedding("the funeral at the cemetery"))).toBeGreaterThan(
      cosine(question, hashEmbedding("the picnic at the beach")),
    );
  });

  test("a text with no words still gets a valid unit vector", async () => {
    const [vector] = await createLocalHashEmbedder().embed(["?!"], { purpose: "query" });
    expect(vector).toHaveLength(embeddingDimensions);
    expect(cosine(vector ?? [], vector ?? [])).toBeCloseTo(1, 10);
  });
});
