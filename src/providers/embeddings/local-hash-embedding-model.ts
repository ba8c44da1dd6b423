import type { EmbeddingModelV3, EmbeddingModelV3CallOptions, EmbeddingModelV3Result } from "@ai-sdk/provider";
import { embeddingDimensions } from "./embedder.ts";
import { hashFeatures } from "./hash-features.ts";

/** The id recorded on chunks it embeds; change the version whenever the features or hashing change. */
export const localHashModelId = "local-hash-768-v3";

/** 32-bit FNV-1a with a seed, over UTF-16 code units: fast, dependency-free and the same on every machine. */
function fnv1a(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // A final avalanche, so that nearby strings land in unrelated buckets.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  return hash >>> 0;
}

/**
 * Embeds one text: each feature adds its weight to one of `dimensions` buckets with a hashed sign (so
 * collisions cancel on average instead of piling up), and the vector is L2-normalised for cosine search.
 */
export function hashEmbedding(text: string, dimensions = embeddingDimensions): number[] {
  const vector = new Float64Array(dimensions);
  for (const { feature, weight } of hashFeatures(text)) {
    const bucket = fnv1a(feature, 0) % dimensions;
    const sign = fnv1a(feature, 0x9e3779b9) & 1 ? 1 : -1;
    vector[bucket] = (vector[bucket] ?? 0) + sign * weight;
  }
  let norm = 0;
  for (const value of vector) norm += value * value;
  // A text without a single word still needs a valid direction: cosine distance to a zero vector is undefined.
  if (norm === 0) {
    vector[0] = 1;
    norm = 1;
  }
  const scale = 1 / Math.sqrt(norm);
  return Array.from(vector, (value) => value * scale);
}

/**
 * The offline embedding model: deterministic feature hashing, no network and no weights. Implements
 * `EmbeddingModelV3`, so it is called through the same `embedMany` as Gemini and OpenAI-compatible servers.
 */
export function createLocalHashEmbeddingModel(): EmbeddingModelV3 {
  return {
    specificationVersion: "v3",
    provider: "nollyai.local",
    modelId: localHashModelId,
    maxEmbeddingsPerCall: 2048,
    supportsParallelCalls: false,
    async doEmbed(options: EmbeddingModelV3CallOptions): Promise<EmbeddingModelV3Result> {
      options.abortSignal?.throwIfAborted();
      return { embeddings: options.values.map((value) => hashEmbedding(value)), warnings: [] };
    },
  };
}
