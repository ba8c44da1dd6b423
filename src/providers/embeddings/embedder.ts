import type { EmbeddingModelV3, SharedV3ProviderOptions } from "@ai-sdk/provider";
import { embedMany } from "ai";
import { AppError } from "../../lib/errors.ts";

/** Every embedder of the studio makes vectors of this size (the `chunks.embedding` column is `vector(768)`). */
export const embeddingDimensions = 768;

/** Which side of retrieval a text is on; some models (Gemini) embed questions and passages differently. */
export type EmbeddingPurpose = "document" | "query";

/**
 * An embedding model with the stable id that is recorded on every chunk it embeds, so vectors of different
 * models are never compared. All embedders go through the AI SDK's `embedMany`.
 */
export type Embedder = {
  /** Stable and versioned: `local-hash-768-v3`, `gemini:gemini-embedding-001@768`. */
  readonly id: string;
  readonly kind: "local" | "gemini" | "openai-compatible";
  readonly dimensions: number;
  readonly model: EmbeddingModelV3;
  /** Embeds `texts` in order; the result has one vector of `dimensions` numbers per text. */
  embed(
    texts: string[],
    options: { purpose: EmbeddingPurpose; abortSignal?: AbortSignal },
  ): Promise<number[][]>;
};

/** How an embedder built on an AI SDK model sends its calls. */
export type ModelEmbedderOptions = {
  id: string;
  kind: Embedder["kind"];
  model: EmbeddingModelV3;
  /** Provider options per purpose (task type, output dimensions). */
  providerOptions?: (purpose: EmbeddingPurpose) => SharedV3ProviderOptions | undefined;
  /** Retries of a failed call inside the AI SDK (network models: 2; the local model: 0). */
  maxRetries?: number;
  maxParallelCalls?: number;
};

/** Wraps an AI SDK embedding model as an `Embedder`, checking that every vector has the agreed size. */
export function createModelEmbedder(options: ModelEmbedderOptions): Embedder {
  return {
    id: options.id,
    kind: options.kind,
    dimensions: embeddingDimensions,
    model: options.model,
    async embed(texts, { purpose, abortSignal }) {
      if (texts.length === 0) return [];
      const providerOptions = options.providerOptions?.(purpose);
      let embeddings: number[][];
      try {
        const result = await embedMany({
          model: options.model,
          values: texts,
          maxRetries: options.maxRetries ?? 2,
          maxParallelCalls: options.maxParallelCalls ?? 2,
          ...(providerOptions ? { providerOptions } : {}),
          ...(abortSignal ? { abortSignal } : {}),
        });
        embeddings = result.embeddings;
      } catch (error) {
        throw new AppError(
          "unavailable:embeddings",
          `The embedding model ${options.id} could not embed the text: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
      return embeddings.map((vector) => checkVector(vector, options.id));
    },
  };
}

function checkVector(vector: number[], embedderId: string): number[] {
  if (vector.length !== embeddingDimensions) {
    throw new AppError(
      "unprocessable:embedding_dimensions",
      `The embedding model ${embedderId} returned ${vector.length} dimensions; the studio stores ${embeddingDimensions}. Choose a model that can produce ${embeddingDimensions}-dimension vectors.`,
    );
  }
  if (!vector.every(Number.isFinite)) {
    throw new AppError(
      "internal:embedding",
      `The embedding model ${embedderId} returned a vector with invalid numbers.`,
    );
  }
  return vector;
}
