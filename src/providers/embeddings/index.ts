/** Embedding models of the studio: Gemini, OpenAI-compatible servers and the offline hashing embedder. */

export { conceptFamily, familyMembers, relatedWords } from "./concept-families.ts";
export { createEmbedder, createLocalHashEmbedder, type EmbedderSettings } from "./create-embedder.ts";
export {
  createModelEmbedder,
  type Embedder,
  type EmbeddingPurpose,
  embeddingDimensions,
} from "./embedder.ts";
export { createGeminiEmbedder, type GeminiEmbedderOptions } from "./gemini-embedder.ts";
export { stem, words } from "./hash-features.ts";
export {
  createLocalHashEmbeddingModel,
  hashEmbedding,
  localHashModelId,
} from "./local-hash-embedding-model.ts";
export {
  createOpenAICompatibleEmbedder,
  type OpenAICompatibleEmbedderOptions,
} from "./openai-compatible-embedder.ts";
