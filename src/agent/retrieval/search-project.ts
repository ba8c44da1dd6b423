import {
  hybridSearchChunks,
  prepareVectorSearch,
  type VectorSearchMode,
} from "../../db/queries/chunk-search.ts";
import type { ChunkSourceType } from "../../db/queries/chunks.ts";
import { getProject } from "../../db/queries/projects.ts";
import type { UserScope } from "../../db/rls.ts";
import { AppError } from "../../lib/errors.ts";
import { isId } from "../../lib/ids.ts";
import type { Embedder } from "../../providers/embeddings/index.ts";
import { fullTextTerms } from "./full-text-terms.ts";
import { forgetProjectChunkCounts, projectChunkCounts } from "./project-chunk-counts.ts";

/**
 * Below this many chunks of the model in the project, vectors are compared exactly (a few milliseconds);
 * above it, the HNSW index with iterative scans. Exact search also spares a small project the walk through
 * a graph shared with every other project's vectors.
 */
export const exactSearchLimit = 5000;

/** Which ranking found a passage. */
export type Ranker = "full_text" | "vector";

/** One passage found, with where it came from and why it ranks where it does. */
export type Passage = {
  chunkId: string;
  source: { type: ChunkSourceType; id: string; label: string };
  text: string;
  metadata: Record<string, unknown>;
  /** Reciprocal-rank-fusion score: Σ 1 / (60 + rank) over the rankers that found it. */
  score: number;
  foundBy: Ranker[];
  ranks: { fullText: number | null; vector: number | null };
};

export type SearchProjectInput = {
  scope: UserScope;
  embedder: Embedder;
  projectId: string;
  query: string;
  k?: number;
  sourceTypes?: readonly ChunkSourceType[];
  signal?: AbortSignal;
};

export type SearchProjectResult = {
  passages: Passage[];
  embeddingModel: string;
  vectorSearch: VectorSearchMode;
};

/** Quotes, `or` and `-word` are web-search syntax: the user asked for exact matching. */
function usesSearchSyntax(query: string): boolean {
  return /"|(^|\s)-\S|\s(or|OR)\s/.test(query);
}

/**
 * Hybrid search over one project's chunks, as the caller (RLS): full-text and vector rankings fused by
 * reciprocal rank fusion. Only chunks embedded by `embedder`'s model take part in the vector ranking.
 * Throws `not_found:project` for a project the caller cannot see, `bad_request:query` for an empty query.
 */
export async function searchProject(input: SearchProjectInput): Promise<SearchProjectResult> {
  const query = input.query.trim();
  if (query === "")
    throw new AppError("bad_request:query", "The search query is empty: say what to look for.");
  const k = Math.min(Math.max(Math.trunc(input.k ?? 8), 1), 100);
  const candidates = Math.min(Math.max(40, k * 5), 400);
  const [vector] = await input.embedder.embed([query], {
    purpose: "query",
    ...(input.signal ? { abortSignal: input.signal } : {}),
  });
  if (!vector)
    throw new AppError("internal:embedding", "The embedding model returned no vector for the query.");
  return input.scope(async (tx) => {
    // The statement below reads the project too; this only keeps a malformed id from reaching SQL.
    if (!isId(input.projectId)) await getProject(tx, input.projectId);
    const counts = await projectChunkCounts(tx, {
      projectId: input.projectId,
      embeddingModel: input.embedder.id,
    });
    const mode: VectorSearchMode = counts.embedded < exactSearchLimit ? "exact" : "index";
    if (mode === "index") await prepareVectorSearch(tx, candidates);
    const exactSyntax = usesSearchSyntax(query);
    const hits = await hybridSearchChunks(tx, {
      projectId: input.projectId,
      embeddingModel: input.embedder.id,
      ...(input.sourceTypes?.length ? { sourceTypes: input.sourceTypes } : {}),
      terms: fullTextTerms(query, { expand: !exactSyntax }),
      match: exactSyntax ? "all" : "any",
      query,
      vector,
      limit: k,
      candidates,
      mode,
      corpusSize: counts.total,
    });
    if (hits.length === 0) {
      // No passage: either nothing matched or the project is not the caller's to see.
      await getProject(tx, input.projectId).catch((error: unknown) => {
        forgetProjectChunkCounts(input.projectId);
        throw error;
      });
    }
    const passages = hits.map((hit): Passage => {
      const foundBy: Ranker[] = [];
      if (hit.fullTextRank !== null) foundBy.push("full_text");
      if (hit.vectorRank !== null) foundBy.push("vector");
      return {
        chunkId: hit.id,
        source: { type: hit.sourceType, id: hit.sourceId, label: hit.sourceLabel },
        text: hit.content,
        metadata: hit.metadata,
        score: hit.score,
        foundBy,
        ranks: { fullText: hit.fullTextRank, vector: hit.vectorRank },
      };
    });
    return { passages, embeddingModel: input.embedder.id, vectorSearch: mode };
  });
}
