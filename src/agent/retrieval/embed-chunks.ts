import type { Embedder } from "../../providers/embeddings/index.ts";

/** Texts per embedding call; small enough to show progress and to retry cheaply. */
export const embeddingBatchSize = 64;

/**
 * The embed step: embeds the given passages in batches and returns their vectors keyed by content hash
 * (plain data, so a durable job can record it). Passages with the same text are embedded once.
 */
export async function embedPassages(input: {
  embedder: Embedder;
  passages: Array<{ contentHash: string; content: string }>;
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}): Promise<Record<string, number[]>> {
  const unique = new Map<string, string>();
  for (const passage of input.passages) unique.set(passage.contentHash, passage.content);
  const entries = [...unique];
  const size = input.batchSize ?? embeddingBatchSize;
  const embeddings: Record<string, number[]> = {};
  for (let start = 0; start < entries.length; start += size) {
    const batch = entries.slice(start, start + size);
    const vectors = await input.embedder.embed(
      batch.map(([, content]) => content),
      { purpose: "document", ...(input.signal ? { abortSignal: input.signal } : {}) },
    );
    batch.forEach(([hash], index) => {
      const vector = vectors[index];
      if (vector) embeddings[hash] = vector;
    });
    input.onProgress?.(Math.min(start + size, entries.length), entries.length);
  }
  return embeddings;
}
