import { and, asc, eq, inArray, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import type { UserTransaction } from "../rls.ts";
import { selectRows } from "../rows.ts";
import { type Chunk, chunks } from "../schema/retrieval.ts";

/**
 * Retrieval chunks. Every function runs inside `withUser`, so RLS limits it to the caller's projects;
 * new rows take their owner from the transaction's `app.user_id`, never from an argument.
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

/** Reciprocal rank fusion constant (Cormack et al. 2009): damps the weight of the very top ranks. */
export const rrfConstant = 60;

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

/** Counts the project's chunks of one model, stopping at `atMost` (enough to choose exact or index search). */
export async function countModelChunks(
  tx: UserTransaction,
  filter: { projectId: string; embeddingModel: string; atMost: number },
): Promise<number> {
  const [row] = await selectRows<{ count: number }>(
    tx,
    sql`SELECT count(*)::int AS count FROM (
          SELECT 1 FROM chunks
          WHERE project_id = ${filter.projectId} AND embedding_model = ${filter.embeddingModel}
          LIMIT ${filter.atMost}
        ) AS capped`,
  );
  return row?.count ?? 0;
}

/** pgvector's text form of a vector, for a query parameter cast with `::vector`. */
export function vectorLiteral(vector: number[]): string {
  return `[${vector.join(",")}]`;
}

/** How vector candidates are found: the HNSW index with iterative scans, or an exact scan of the project. */
export type VectorSearchMode = "index" | "exact";

/**
 * Session settings for this transaction's vector search: iterative index scans (pgvector ≥ 0.8) keep
 * scanning the HNSW graph until `candidates` rows pass the filter, instead of returning only the filtered
 * part of the first `ef_search` neighbours; `ef_search` ≥ 100 keeps recall@10 high at 100k chunks.
 */
export async function prepareVectorSearch(tx: UserTransaction, candidates: number): Promise<void> {
  await tx.execute(sql`SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true)`);
  await tx.execute(sql`SELECT set_config('hnsw.ef_search', ${String(Math.max(100, candidates))}, true)`);
}

export type ChunkSearchFilter = {
  projectId: string;
  embeddingModel: string;
  sourceTypes?: readonly ChunkSourceType[];
};

function filterSql(filter: ChunkSearchFilter): SQL {
  const types = filter.sourceTypes?.length
    ? sql` AND source_type IN (${sql.join(
        filter.sourceTypes.map((type) => sql`${type}`),
        sql`, `,
      )})`
    : sql``;
  return sql`project_id = ${filter.projectId}${types}`;
}

function vectorCandidatesSql(
  filter: ChunkSearchFilter,
  vector: string,
  candidates: number,
  mode: VectorSearchMode,
): SQL {
  // `+ 0` hides the distance from the planner's index matching, forcing the exact scan of the project rows.
  const order =
    mode === "exact" ? sql`(embedding <=> ${vector}::vector) + 0` : sql`embedding <=> ${vector}::vector`;
  return sql`SELECT id, embedding <=> ${vector}::vector AS distance
      FROM chunks
      WHERE ${filterSql(filter)} AND embedding_model = ${filter.embeddingModel}
      ORDER BY ${order}
      LIMIT ${candidates}`;
}

export type VectorHit = { id: string; distance: number };

/** The plain vector query (nearest chunks of the same model): the baseline of hybrid search. */
export async function vectorSearchChunks(
  tx: UserTransaction,
  input: ChunkSearchFilter & { vector: number[]; limit: number; mode: VectorSearchMode },
): Promise<VectorHit[]> {
  const rows = await selectRows<VectorHit>(
    tx,
    sql`WITH candidates AS MATERIALIZED (${vectorCandidatesSql(input, vectorLiteral(input.vector), input.limit, input.mode)})
        SELECT id, distance FROM candidates ORDER BY distance, id`,
  );
  return rows.map((row) => ({ id: row.id, distance: Number(row.distance) }));
}

/** Words added by query expansion count half as much as the words the user typed. */
const expansionWeight = 0.5;

export type HybridHit = {
  id: string;
  sourceType: ChunkSourceType;
  sourceId: string;
  sourceLabel: string;
  ordinal: number;
  content: string;
  metadata: Record<string, unknown>;
  score: number;
  fullTextRank: number | null;
  vectorRank: number | null;
  distance: number | null;
};

/**
 * Hybrid search in one statement: the full-text ranking and the vector ranking (cosine distance, chunks of
 * `embeddingModel` only) each give `candidates` ids, fused by reciprocal rank fusion: Σ 1 / (60 + rank).
 *
 * Full text: `match: "any"` ORs the query's lexemes and the expansion's (questions rarely share every word
 * with the answer); `"all"` keeps `websearch_to_tsquery` semantics for queries written with quotes, `or`
 * or `-`. Matches rank by the sum of their matched lexemes' inverse frequency among the matches (so
 * "daffodils" outweighs a name on every page), plus `ts_rank_cd` cover density to break ties.
 */
export async function hybridSearchChunks(
  tx: UserTransaction,
  input: ChunkSearchFilter & {
    query: string;
    /** Related words to look for too (space-separated), weighted less than the query's own. */
    expansion: string;
    match: "all" | "any";
    vector: number[];
    limit: number;
    candidates: number;
    mode: VectorSearchMode;
  },
): Promise<HybridHit[]> {
  const vector = vectorLiteral(input.vector);
  const rows = await selectRows<HybridHit>(
    tx,
    sql`WITH query_lexemes AS (
          SELECT lexeme, max(weight) AS weight, quote_literal(lexeme)::tsquery AS term
          FROM (
            SELECT unnest(tsvector_to_array(to_tsvector('english', ${input.query}))) AS lexeme, 1.0::float8 AS weight
            UNION ALL
            SELECT unnest(tsvector_to_array(to_tsvector('english', ${input.expansion}))), ${expansionWeight}::float8
          ) AS all_lexemes
          GROUP BY lexeme
        ),
        query AS (
          SELECT ${
            input.match === "all"
              ? sql`websearch_to_tsquery('english', ${input.query})`
              : sql`(SELECT string_agg(quote_literal(lexeme), ' | ')::tsquery FROM query_lexemes)`
          } AS terms
        ),
        text_matches AS MATERIALIZED (
          SELECT id, search_vector, ts_rank_cd(search_vector, query.terms, 32) AS density
          FROM chunks, query
          WHERE ${filterSql(input)} AND search_vector @@ query.terms
        ),
        text_pairs AS (
          SELECT m.id, l.lexeme FROM text_matches m JOIN query_lexemes l ON m.search_vector @@ l.term
        ),
        text_weights AS (
          SELECT lexeme, l.weight * ln(1 + (SELECT count(*) FROM text_matches)::float8 / count(*)) AS weight
          FROM text_pairs JOIN query_lexemes l USING (lexeme) GROUP BY lexeme, l.weight
        ),
        text_candidates AS MATERIALIZED (
          SELECT p.id, sum(w.weight) + max(m.density) AS text_score
          FROM text_pairs p JOIN text_weights w USING (lexeme) JOIN text_matches m USING (id)
          GROUP BY p.id
          ORDER BY text_score DESC, p.id
          LIMIT ${input.candidates}
        ),
        text_ranked AS (
          SELECT id, (row_number() OVER (ORDER BY text_score DESC, id))::int AS rank FROM text_candidates
        ),
        vector_candidates AS MATERIALIZED (${vectorCandidatesSql(input, vector, input.candidates, input.mode)}),
        vector_ranked AS (
          SELECT id, distance, (row_number() OVER (ORDER BY distance, id))::int AS rank FROM vector_candidates
        ),
        fused AS (
          SELECT coalesce(t.id, v.id) AS id, t.rank AS text_rank, v.rank AS vector_rank, v.distance,
            coalesce(1.0 / (${rrfConstant} + t.rank), 0) + coalesce(1.0 / (${rrfConstant} + v.rank), 0) AS score
          FROM text_ranked t FULL OUTER JOIN vector_ranked v ON v.id = t.id
          ORDER BY score DESC, id
          LIMIT ${input.limit}
        )
        SELECT c.id, c.source_type AS "sourceType", c.source_id AS "sourceId", c.source_label AS "sourceLabel",
          c.ordinal, c.content, c.metadata, f.score::float8 AS score, f.text_rank AS "fullTextRank",
          f.vector_rank AS "vectorRank", f.distance::float8 AS distance
        FROM fused f JOIN chunks c ON c.id = f.id
        ORDER BY f.score DESC, c.id`,
  );
  return rows.map((row) => ({
    ...row,
    score: Number(row.score),
    distance: row.distance === null ? null : Number(row.distance),
  }));
}
