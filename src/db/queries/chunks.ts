import { and, asc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { UserTransaction } from "../rls.ts";
import { type Chunk, chunks } from "../schema/retrieval.ts";

/**
 * Retrieval chunks. Every function runs inside `withUser`, so RLS limits it to the caller's projects;
 * new rows take their owner from the transaction's `app.user_id`, never from an argument. Searching them
 * is in `chunk-search.ts`.
 */

export type ChunkSourceType = Chunk["sourceType"];
export type ChunkSourceKey = { projectId: string; sourceType: ChunkSourceType; sourceId: string };

/** A chunk to write: everything but the ids, owner and generated columns. */
export type NewChunk = {
  sourceLabel: string;
  ordinal: number;
  content: string;
  contentHash: string;
  metadata: Record<string, unknown>;
  embedding: number[];
  embeddingModel: string;
};

/** The chunks currently stored for one source, in order. */
export async function listSourceChunks(tx: UserTransaction, key: ChunkSourceKey): Promise<Chunk[]> {
  return tx
    .select()
    .from(chunks)
    .where(
      and(
        eq(chunks.projectId, key.projectId),
        eq(chunks.sourceType, key.sourceType),
        eq(chunks.sourceId, key.sourceId),
      ),
    )
    .orderBy(asc(chunks.ordinal));
}

/** Deletes the source's chunks and writes `rows` in their place; returns how many were deleted. */
export async function replaceSourceChunks(
  tx: UserTransaction,
  key: ChunkSourceKey,
  rows: NewChunk[],
): Promise<{ deleted: number }> {
  const deleted = await tx
    .delete(chunks)
    .where(
      and(
        eq(chunks.projectId, key.projectId),
        eq(chunks.sourceType, key.sourceType),
        eq(chunks.sourceId, key.sourceId),
      ),
    )
    .returning({ id: chunks.id });
  for (let start = 0; start < rows.length; start += 200) {
    await tx.insert(chunks).values(
      rows.slice(start, start + 200).map((row) => ({
        ...row,
        ownerId: sql`current_setting('app.user_id', true)`,
        projectId: key.projectId,
        sourceType: key.sourceType,
        sourceId: key.sourceId,
      })),
    );
  }
  return { deleted: deleted.length };
}

/** Chunks of the project whose embedding was made by another model (or none), oldest first. */
export async function listChunksToReembed(
  tx: UserTransaction,
  filter: { projectId: string; embeddingModel: string; limit: number },
): Promise<Chunk[]> {
  return tx
    .select()
    .from(chunks)
    .where(
      and(
        eq(chunks.projectId, filter.projectId),
        or(isNull(chunks.embeddingModel), ne(chunks.embeddingModel, filter.embeddingModel)),
      ),
    )
    .orderBy(asc(chunks.createdAt), asc(chunks.id))
    .limit(filter.limit);
}

/**
 * Gives chunks new embeddings. The application role may not UPDATE chunks, so each row is deleted and
 * written again with the same id in this transaction.
 */
export async function replaceChunkEmbeddings(
  tx: UserTransaction,
  rows: Array<{ chunk: Chunk; embedding: number[]; embeddingModel: string }>,
): Promise<void> {
  if (rows.length === 0) return;
  await tx.delete(chunks).where(
    inArray(
      chunks.id,
      rows.map(({ chunk }) => chunk.id),
    ),
  );
  await tx.insert(chunks).values(
    rows.map(({ chunk, embedding, embeddingModel }) => ({
      id: chunk.id,
      ownerId: chunk.ownerId,
      projectId: chunk.projectId,
      sourceType: chunk.sourceType,
      sourceId: chunk.sourceId,
      sourceLabel: chunk.sourceLabel,
      ordinal: chunk.ordinal,
      content: chunk.content,
      contentHash: chunk.contentHash,
      metadata: chunk.metadata,
      createdAt: chunk.createdAt,
      embedding,
      embeddingModel,
    })),
  );
}
