import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { createModelEmbedder, type Embedder, embeddingDimensions } from "./embedder.ts";

/** An OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio) and its embedding model. */
export type OpenAICompatibleEmbedderOptions = {
  /** For example `http://localhost:11434/v1`; the client posts to `<baseURL>/embeddings`. */
  baseURL: string;
  apiKey?: string;
  /** An embedding model that gives 768 dimensions, natively (nomic-embed-text) or when asked (`dimensions`). */
  model: string;
  fetch?: typeof globalThis.fetch;
};

/**
 * Embeddings from an OpenAI-compatible `/embeddings` endpoint. It asks for 768 dimensions (servers that
 * cannot reduce ignore the field); a model answering with another size is refused with a clear error.
 */
export function createOpenAICompatibleEmbedder(options: OpenAICompatibleEmbedderOptions): Embedder {
  const provider = createOpenAICompatible({
    name: "openai-compatible",
    baseURL: options.baseURL,
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return createModelEmbedder({
    id: `openai-compatible:${options.model}@${embeddingDimensions}`,
    kind: "openai-compatible",
    model: provider.embeddingModel(options.model),
    providerOptions: () => ({ openaiCompatible: { dimensions: embeddingDimensions } }),
  });
}
