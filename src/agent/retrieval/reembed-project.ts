import { listChunksToReembed, replaceChunkEmbeddings } from "../../db/queries/chunks.ts";
import { getProject } from "../../db/queries/projects.ts";
import type { UserScope } from "../../db/rls.ts";
import type { Embedder } from "../../providers/embeddings/index.ts";
import { embeddingBatchSize } from "./embed-chunks.ts";
import { forgetProjectChunkCounts } from "./project-chunk-counts.ts";

/**
 * Re-embeds every chunk of the project that another model (or none) embedded, with `embedder`, in
 * batches: each batch is read, embedded outside any transaction, and written back in one transaction.
 * Safe to stop and run again: it picks up what is still left.
 */
export async function reembedProject(input: {
  scope: UserScope;
  embedder: Embedder;
  projectId: string;
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: (reembedded: number) => void;
}): Promise<{ reembedded: number; embeddingModel: string }> {
  const batchSize = input.batchSize ?? embeddingBatchSize;
  await input.scope((tx) => getProject(tx, input.projectId));
  let reembedded = 0;
  for (;;) {
    input.signal?.throwIfAborted();
    const batch = await input.scope((tx) =>
      listChunksToReembed(tx, {
        projectId: input.projectId,
        embeddingModel: input.embedder.id,
        limit: batchSize,
      }),
    );
    if (batch.length === 0) break;
    const vectors = await input.embedder.embed(
      batch.map((chunk) => chunk.content),
      { purpose: "document", ...(input.signal ? { abortSignal: input.signal } : {}) },
    );
    await input.scope((tx) =>
      replaceChunkEmbeddings(
        tx,
        batch.map((chunk, index) => ({
          chunk,
          embedding: vectors[index] ?? [],
          embeddingModel: input.embedder.id,
        })),
      ),
    );
    forgetProjectChunkCounts(input.projectId);
    reembedded += batch.length;
    input.onProgress?.(reembedded);
  }
  return { reembedded, embeddingModel: input.embedder.id };
}
