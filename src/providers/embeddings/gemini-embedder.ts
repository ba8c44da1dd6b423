import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { createModelEmbedder, type Embedder, embeddingDimensions } from "./embedder.ts";

/** Where and how to reach Gemini's embedding API. */
export type GeminiEmbedderOptions = {
  apiKey: string;
  /** The API root (default `https://generativelanguage.googleapis.com/v1beta`); a local URL in tests. */
  baseURL?: string;
  /** Default `gemini-embedding-001`. */
  model?: string;
  fetch?: typeof globalThis.fetch;
};

/**
 * Gemini embeddings through `@ai-sdk/google`, reduced to 768 dimensions (`outputDimensionality`), with the
 * retrieval task types: passages as `RETRIEVAL_DOCUMENT`, questions as `RETRIEVAL_QUERY`.
 */
export function createGeminiEmbedder(options: GeminiEmbedderOptions): Embedder {
  const modelName = options.model ?? "gemini-embedding-001";
  const google = createGoogleGenerativeAI({
    apiKey: options.apiKey,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return createModelEmbedder({
    id: `gemini:${modelName}@${embeddingDimensions}`,
    kind: "gemini",
    model: google.embedding(modelName),
    providerOptions: (purpose) => ({
      google: {
        outputDimensionality: embeddingDimensions,
        taskType: purpose === "query" ? "RETRIEVAL_QUERY" : "RETRIEVAL_DOCUMENT",
      },
    }),
  });
}
