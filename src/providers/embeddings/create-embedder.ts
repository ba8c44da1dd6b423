import type { Config } from "../../config/env.ts";
import { createModelEmbedder, type Embedder } from "./embedder.ts";
import { createGeminiEmbedder } from "./gemini-embedder.ts";
import { createLocalHashEmbeddingModel, localHashModelId } from "./local-hash-embedding-model.ts";
import { createOpenAICompatibleEmbedder } from "./openai-compatible-embedder.ts";

/** The settings that choose the embedder (a subset of the studio configuration). */
export type EmbedderSettings = Partial<
  Pick<
    Config,
    | "GOOGLE_GENERATIVE_AI_API_KEY"
    | "GEMINI_BASE_URL"
    | "GEMINI_EMBEDDING_MODEL"
    | "OPENAI_COMPATIBLE_BASE_URL"
    | "OPENAI_COMPATIBLE_API_KEY"
    | "OPENAI_COMPATIBLE_EMBEDDING_MODEL"
  >
>;

/** The offline default: the local hashing embedder (768 dimensions, deterministic, no network). */
export function createLocalHashEmbedder(): Embedder {
  return createModelEmbedder({
    id: localHashModelId,
    kind: "local",
    model: createLocalHashEmbeddingModel(),
    maxRetries: 0,
  });
}

/**
 * The embedder for what is configured: Gemini when its key is set; else an OpenAI-compatible server when
 * both its base URL and an embedding model are set (its chat model is not an embedding model); else the
 * local hashing embedder. The only place where embedding clients and their ids are built.
 */
export function createEmbedder(
  settings: EmbedderSettings,
  options: { fetch?: typeof globalThis.fetch } = {},
): Embedder {
  if (settings.GOOGLE_GENERATIVE_AI_API_KEY) {
    return createGeminiEmbedder({
      apiKey: settings.GOOGLE_GENERATIVE_AI_API_KEY,
      ...(settings.GEMINI_BASE_URL ? { baseURL: settings.GEMINI_BASE_URL } : {}),
      ...(settings.GEMINI_EMBEDDING_MODEL ? { model: settings.GEMINI_EMBEDDING_MODEL } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }
  if (settings.OPENAI_COMPATIBLE_BASE_URL && settings.OPENAI_COMPATIBLE_EMBEDDING_MODEL) {
    return createOpenAICompatibleEmbedder({
      baseURL: settings.OPENAI_COMPATIBLE_BASE_URL,
      model: settings.OPENAI_COMPATIBLE_EMBEDDING_MODEL,
      ...(settings.OPENAI_COMPATIBLE_API_KEY ? { apiKey: settings.OPENAI_COMPATIBLE_API_KEY } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }
  return createLocalHashEmbedder();
}
