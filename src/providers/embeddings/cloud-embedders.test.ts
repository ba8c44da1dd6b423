import { afterEach, describe, expect, test } from "vitest";
import { createEmbedder } from "./create-embedder.ts";
import { embeddingDimensions } from "./embedder.ts";
import { createGeminiEmbedder } from "./gemini-embedder.ts";
import { createOpenAICompatibleEmbedder } from "./openai-compatible-embedder.ts";
import {
  fakeVector,
  type RecordedRequest,
  startLocalEmbeddingServer,
} from "./testing/local-embedding-server.ts";

type GeminiContent = { parts: Array<{ text: string }> };
type GeminiRequest = {
  model: string;
  content: GeminiContent;
  outputDimensionality?: number;
  taskType?: string;
};

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Gemini's REST API: `:batchEmbedContents` → `{ embeddings: [{ values }] }`, `:embedContent` → `{ embedding: { values } }`. */
function geminiResponse(request: RecordedRequest): { status: number; body: unknown } {
  if (request.headers["x-goog-api-key"] !== "test-key") {
    return {
      status: 403,
      body: { error: { code: 403, message: "API key not valid.", status: "PERMISSION_DENIED" } },
    };
  }
  const embed = (item: GeminiRequest) => ({
    values: fakeVector(
      item.content.parts.map((part) => part.text).join(""),
      item.outputDimensionality ?? 3072,
    ),
  });
  if (request.path.endsWith(":batchEmbedContents")) {
    const body = request.body as { requests: GeminiRequest[] };
    return { status: 200, body: { embeddings: body.requests.map(embed) } };
  }
  return { status: 200, body: { embedding: embed(request.body as GeminiRequest) } };
}

describe("Gemini embeddings through @ai-sdk/google", () => {
  test("batches passages as RETRIEVAL_DOCUMENT at 768 dimensions and records a stable id", async () => {
    const server = await startLocalEmbeddingServer(geminiResponse);
    servers.push(server);
    const embedder = createGeminiEmbedder({ apiKey: "test-key", baseURL: `${server.url}/v1beta` });
    const texts = ["INT. GARAGE - DAY", "EXT. BRICK'S PATIO - DAY", "a third passage"];
    const vectors = await embedder.embed(texts, { purpose: "document" });

    expect(embedder.id).toBe("gemini:gemini-embedding-001@768");
    expect(vectors.map((vector) => vector[0])).toEqual(texts.map((text) => text.length));
    expect(vectors.every((vector) => vector.length === embeddingDimensions)).toBe(true);
    const [request] = server.requests;
    expect(request?.path).toBe("/v1beta/models/gemini-embedding-001:batchEmbedContents");
    expect(request?.body).toEqual({
      requests: texts.map((text) => ({
        model: "models/gemini-embedding-001",
        content: { role: "user", parts: [{ text }] },
        outputDimensionality: 768,
        taskType: "RETRIEVAL_DOCUMENT",
      })),
    });
  });

  test("embeds a single query through :embedContent as RETRIEVAL_QUERY", async () => {
    const server = await startLocalEmbeddingServer(geminiResponse);
    servers.push(server);
    const embedder = createEmbedder({
      GOOGLE_GENERATIVE_AI_API_KEY: "test-key",
      GEMINI_BASE_URL: `${server.url}/v1beta`,
    });
    const [vector] = await embedder.embed(["who is Karl?"], { purpose: "query" });
    expect(vector?.[0]).toBe("who is Karl?".length);
    expect(server.requests[0]?.path).toBe("/v1beta/models/gemini-embedding-001:embedContent");
    expect(server.requests[0]?.body).toMatchObject({
      taskType: "RETRIEVAL_QUERY",
      outputDimensionality: 768,
    });
  });

  test("a refused key becomes a clear unavailable error", async () => {
    const server = await startLocalEmbeddingServer(geminiResponse);
    servers.push(server);
    const embedder = createGeminiEmbedder({ apiKey: "wrong", baseURL: `${server.url}/v1beta` });
    await expect(embedder.embed(["a", "b"], { purpose: "document" })).rejects.toMatchObject({
      code: "unavailable:embeddings",
      message: expect.stringContaining("API key not valid"),
    });
  });
});

describe("OpenAI-compatible embeddings through @ai-sdk/openai-compatible", () => {
  const openAIResponse = (dimensions: number) => (request: RecordedRequest) => {
    const body = request.body as { model: string; input: string[] };
    return {
      status: 200,
      body: {
        object: "list",
        model: body.model,
        data: body.input.map((text, index) => ({
          object: "embedding",
          index,
          embedding: fakeVector(text, dimensions),
        })),
        usage: { prompt_tokens: 7, total_tokens: 7 },
      },
    };
  };

  test("posts to /v1/embeddings asking for 768 dimensions", async () => {
    const server = await startLocalEmbeddingServer(openAIResponse(768));
    servers.push(server);
    const embedder = createEmbedder({
      OPENAI_COMPATIBLE_BASE_URL: `${server.url}/v1`,
      OPENAI_COMPATIBLE_EMBEDDING_MODEL: "nomic-embed-text",
      OPENAI_COMPATIBLE_API_KEY: "local-key",
    });
    const vectors = await embedder.embed(["one", "three"], { purpose: "document" });
    expect(embedder.id).toBe("openai-compatible:nomic-embed-text@768");
    expect(vectors.map((vector) => vector[0])).toEqual([3, 5]);
    expect(server.requests[0]?.path).toBe("/v1/embeddings");
    expect(server.requests[0]?.headers.authorization).toBe("Bearer local-key");
    expect(server.requests[0]?.body).toMatchObject({
      model: "nomic-embed-text",
      input: ["one", "three"],
      dimensions: 768,
      encoding_format: "float",
    });
  });

  test("a model answering with another size is refused, not stored", async () => {
    const server = await startLocalEmbeddingServer(openAIResponse(1024));
    servers.push(server);
    const embedder = createOpenAICompatibleEmbedder({ baseURL: `${server.url}/v1`, model: "bge-large" });
    await expect(embedder.embed(["text"], { purpose: "document" })).rejects.toMatchObject({
      code: "unprocessable:embedding_dimensions",
    });
  });
});

test("with nothing configured (or only a chat server) the offline hashing embedder is chosen", () => {
  expect(createEmbedder({}).id).toBe("local-hash-768-v3");
  expect(createEmbedder({ OPENAI_COMPATIBLE_BASE_URL: "http://localhost:11434/v1" }).kind).toBe("local");
});
