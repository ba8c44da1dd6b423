import { listSourceChunks, type NewChunk, replaceSourceChunks } from "../../db/queries/chunks.ts";
import { getProject } from "../../db/queries/projects.ts";
import type { UserScope } from "../../db/rls.ts";
import { AppError } from "../../lib/errors.ts";
import type { ChunkDraft, ChunkSource } from "./chunk-draft.ts";
import { forgetProjectChunkCounts } from "./project-chunk-counts.ts";

/** What the plan step found: whether anything changed, and which passages need new embeddings. */
export type IngestionPlan = {
  unchanged: boolean;
  /** Content hashes to embed; the others keep the embedding already stored for the same text and model. */
  toEmbed: string[];
  previousChunks: number;
};

function sourceKey(projectId: string, source: ChunkSource) {
  return { projectId, sourceType: source.type, sourceId: source.id };
}

/**
 * The plan step: checks the project (`not_found:project` for one the caller cannot see) and compares the
 * passages with those stored for the same source and model, by content hash.
 */
export async function planIngestion(
  scope: UserScope,
  input: { projectId: string; source: ChunkSource; drafts: ChunkDraft[]; embeddingModel: string },
): Promise<IngestionPlan> {
  return scope(async (tx) => {
    await getProject(tx, input.projectId);
    const stored = await listSourceChunks(tx, sourceKey(input.projectId, input.source));
    const reusable = new Set(
      stored
        .filter((chunk) => chunk.embeddingModel === input.embeddingModel && chunk.embedding)
        .map((chunk) => chunk.contentHash),
    );
    const unchanged =
      stored.length === input.drafts.length &&
      input.drafts.every((draft, index) => {
        const chunk = stored[index];
        return (
          chunk !== undefined &&
          chunk.ordinal === draft.ordinal &&
          chunk.contentHash === draft.contentHash &&
          chunk.sourceLabel === draft.label &&
          chunk.embeddingModel === input.embeddingModel
        );
      });
    const toEmbed = unchanged
      ? []
      : [...new Set(input.drafts.map((draft) => draft.contentHash).filter((hash) => !reusable.has(hash)))];
    return { unchanged, toEmbed, previousChunks: stored.length };
  });
}

/** What the store step wrote. */
export type StoreResult = { inserted: number; deleted: number; reused: number };

/**
 * The store step: in one transaction, replaces the source's chunks with the passages, each carrying its new
 * embedding or the one stored before for the same text and model, and the model's id.
 */
export async function storeChunks(
  scope: UserScope,
  input: {
    projectId: string;
    source: ChunkSource;
    drafts: ChunkDraft[];
    embeddings: Record<string, number[]>;
    embeddingModel: string;
  },
): Promise<StoreResult> {
  const result = await scope(async (tx) => {
    const key = sourceKey(input.projectId, input.source);
    const previous = new Map<string, number[]>();
    for (const chunk of await listSourceChunks(tx, key)) {
      if (chunk.embeddingModel === input.embeddingModel && chunk.embedding) {
        previous.set(chunk.contentHash, chunk.embedding);
      }
    }
    let reused = 0;
    const rows: NewChunk[] = input.drafts.map((draft) => {
      let embedding = input.embeddings[draft.contentHash];
      if (!embedding) {
        embedding = previous.get(draft.contentHash);
        reused += 1;
      }
      if (!embedding) {
        throw new AppError(
          "conflict:chunks",
          `The passages of "${input.source.label}" changed while they were being indexed; index it again.`,
        );
      }
      return {
        sourceLabel: draft.label,
        ordinal: draft.ordinal,
        content: draft.content,
        contentHash: draft.contentHash,
        metadata: draft.metadata,
        embedding,
        embeddingModel: input.embeddingModel,
      };
    });
    const { deleted } = await replaceSourceChunks(tx, key, rows);
    return { inserted: rows.length, deleted, reused };
  });
  forgetProjectChunkCounts(input.projectId);
  return result;
}
