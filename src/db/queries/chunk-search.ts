import { type SQL, sql } from "drizzle-orm";
import type { UserTransaction } from "../rls.ts";
import { selectRows } from "../rows.ts";
import type { ChunkSourceType } from "./chunks.ts";

/**
 * Searching a project's chunks: the plain vector query and hybrid search (full text + vector, fused by
 * reciprocal rank fusion), each one statement under the caller's RLS.
 */

/** Reciprocal rank fusion constant (Cormack et al. 2009): damps the weight of the very top ranks. */
export const rrfConstant = 60;

/** BM25's usual constants: term-frequency saturation and how much passage length counts. */
const bm25 = { k1: 1.2, b: 0.75 };

/** Cover density (query words close together) re-ranks this many times `candidates` best BM25 matches. */
const proximityPool = 2;

/**
 * How many matches full text may read to find passages (under RLS every match is a heap visit). Query words
 * are taken rarest first (document frequencies from `chunk_terms`) while their matches together fit in
 * this: those are rare and find passages. The others are common terms (Elasticsearch's common-terms query):
 * they add to the scores of what the rare words found, and find passages only where two of them (of
 * different query words) meet, at most this many; only when that finds nothing (one common word, say) are
 * a common word's own matches read, as many as full text ranks. In a project where the query's words are
 * in fewer chunks than this together, every match is read and nothing is approximated.
 */
export const fullTextReadBudget = 300;

/** pgvector's text form of a vector, for a query parameter cast with `::vector`. */
export function vectorLiteral(vector: number[]): string {
  return `[${vector.join(",")}]`;
}

/** How vector candidates are found: the HNSW index with iterative scans, or an exact scan of the project. */
export type VectorSearchMode = "index" | "exact";

/**
 * `hnsw.ef_search` for a search wanting `candidates` rows: at least 200. On clustered 768-dimension data at
 * 100k chunks, 100 gave recall@10 against exact search of 0.93–0.95 and 200 gave 0.96
 * (bench/hybrid-search.bench.ts measures it).
 */
export function efSearchFor(candidates: number): number {
  return Math.max(200, candidates);
}

/**
 * Session settings for this transaction's vector search, in one round trip: iterative index scans
 * (pgvector ≥ 0.8) keep scanning the HNSW graph until `candidates` rows pass the filter, instead of
 * returning only the filtered part of the first `ef_search` neighbours. Plans are custom to each search's
 * values: the driver prepares statements, and a generic plan of hybrid search (no idea how rare the words
 * are or where the vector lies) took ~400 ms at 100k chunks instead of ~10.
 */
export async function prepareVectorSearch(tx: UserTransaction, candidates: number): Promise<void> {
  await tx.execute(
    sql`SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true),
          set_config('hnsw.ef_search', ${String(efSearchFor(candidates))}, true),
          set_config('plan_cache_mode', 'force_custom_plan', true)`,
  );
}

export type ChunkSearchFilter = {
  projectId: string;
  embeddingModel: string;
  sourceTypes?: readonly ChunkSourceType[];
};

function filterSql(filter: ChunkSearchFilter, table = sql``): SQL {
  const types = filter.sourceTypes?.length
    ? sql` AND ${table}source_type IN (${sql.join(
        filter.sourceTypes.map((type) => sql`${type}`),
        sql`, `,
      )})`
    : sql``;
  return sql`${table}project_id = ${filter.projectId}${types}`;
}

function vectorCandidatesSql(
  filter: ChunkSearchFilter,
  vector: string,
  candidates: number,
  mode: VectorSearchMode,
): SQL {
  const scan = sql`SELECT id, embedding <=> ${vector}::vector AS distance
      FROM chunks
      WHERE ${filterSql(filter)} AND embedding_model = ${filter.embeddingModel}`;
  // Ordering by the output column computes each distance once (by the expression again, a sequential scan
  // computes it twice). In a subquery kept apart by `OFFSET 0` the order cannot come from the index, which
  // forces the exact scan of the project's rows.
  return mode === "exact"
    ? sql`SELECT id, distance FROM (${scan} OFFSET 0) AS scanned ORDER BY distance LIMIT ${candidates}`
    : sql`${scan} ORDER BY distance LIMIT ${candidates}`;
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

/** How many chunks the project has (all models) and how many of them `embeddingModel` embedded. */
export async function countProjectChunks(
  tx: UserTransaction,
  filter: { projectId: string; embeddingModel: string },
): Promise<{ total: number; embedded: number }> {
  const [row] = await selectRows<{ total: number; embedded: number }>(
    tx,
    sql`SELECT count(*)::int AS total,
          (count(*) FILTER (WHERE embedding_model = ${filter.embeddingModel}))::int AS embedded
        FROM chunks WHERE project_id = ${filter.projectId}`,
  );
  return { total: row?.total ?? 0, embedded: row?.embedded ?? 0 };
}

/**
 * A word to look for in full text. Words of one `group` stand for one query term: a passage scores the
 * best of them once, so matching five related words of a family does not outweigh the word itself.
 */
export type FullTextTerm = { text: string; group: number; weight: number };

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

export type HybridSearchInput = ChunkSearchFilter & {
  /** The words to look for, with their groups and weights (see `FullTextTerm`). */
  terms: readonly FullTextTerm[];
  /** `"any"`: a passage matches with any term; `"all"`: `websearch_to_tsquery(query)` semantics. */
  match: "all" | "any";
  query: string;
  vector: number[];
  limit: number;
  candidates: number;
  mode: VectorSearchMode;
  /** Chunks in the project: the N of the inverse document frequency. */
  corpusSize: number;
};

/**
 * Hybrid search in one statement: the full-text ranking and the vector ranking (cosine distance, chunks of
 * `embeddingModel` only) each give `candidates` ids, fused by reciprocal rank fusion: Σ 1 / (60 + rank).
 * Returns nothing when the caller cannot see the project (the caller tells that apart from no match).
 *
 * Full text ranks by BM25 over the matched terms (presence, not counts: tsvector positions are not read),
 * N being the project's chunk count and the length a passage's distinct lexemes; a term group counts once,
 * with its best word. `ts_rank_cd` cover density (terms close together) then re-ranks the best of them.
 * Document frequencies come from `chunk_terms`, so no match is read to count them; which matches are read
 * (from the GIN index) is bounded by `fullTextReadBudget`: see there for rare and common words. Each match is
 * read once, keeping (id, length, matched terms) and nothing larger; every later step is a hash aggregate
 * over those, none quadratic in the number of matches.
 */
export async function hybridSearchChunks(
  tx: UserTransaction,
  input: HybridSearchInput,
): Promise<HybridHit[]> {
  const vector = vectorLiteral(input.vector);
  const terms = JSON.stringify(input.terms);
  // What is kept of each match (alias `c`) when it is read: its length, which query terms it contains and
  // its cover density, so no match is visited twice.
  const matchedTerms = sql`length(c.search_vector)::float8 AS size,
    ARRAY(SELECT u.position FROM query_terms u WHERE c.search_vector @@ u.term) AS positions,
    ts_rank_cd(c.search_vector, (SELECT terms FROM ranking), 32) AS density`;
  const rows = await selectRows<HybridHit>(
    tx,
    sql`WITH project AS MATERIALIZED (SELECT id FROM projects WHERE id = ${input.projectId}),
        query_terms AS MATERIALIZED (
          SELECT position, lexeme, term_group, weight, term, documents,
            sum(documents) OVER (ORDER BY documents, lexeme) <= ${fullTextReadBudget} AS rare
          FROM (
            SELECT (row_number() OVER (ORDER BY d.lexeme))::int AS position, d.lexeme, d.term_group, d.weight,
              quote_literal(d.lexeme)::tsquery AS term,
              coalesce(
                (SELECT s.chunks FROM chunk_terms s WHERE s.project_id = ${input.projectId} AND s.lexeme = d.lexeme),
                0
              )::float8 AS documents
            FROM (
              SELECT DISTINCT ON (lexeme) lexeme, given."group" AS term_group, given.weight
              FROM jsonb_to_recordset(${terms}::jsonb) AS given(text text, "group" int, weight float8)
                CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('english', given.text))) AS lexeme
              ORDER BY lexeme, given.weight DESC, given."group"
            ) AS d
          ) AS counted
        ),
        ranking AS MATERIALIZED (
          SELECT ${
            input.match === "all"
              ? sql`websearch_to_tsquery('english', ${input.query})`
              : sql`(SELECT string_agg(term::text, ' | ')::tsquery FROM query_terms)`
          } AS terms
        ),
        rare_matches AS MATERIALIZED (
          SELECT m.*
          FROM query_terms t CROSS JOIN LATERAL (
            SELECT c.id, ${matchedTerms}
            FROM chunks c
            WHERE ${filterSql(input, sql`c.`)} AND c.search_vector @@ t.term
            LIMIT ${fullTextReadBudget}
          ) AS m
          WHERE ${input.match === "any"} AND t.rare AND t.documents > 0
        ),
        common_groups AS (
          SELECT term_group, string_agg(term::text, ' | ') AS alternatives FROM query_terms
          WHERE NOT rare AND documents > 0 GROUP BY term_group
        ),
        meeting AS MATERIALIZED (
          SELECT ${
            input.match === "all"
              ? sql`(SELECT terms FROM ranking)`
              : sql`(
                  SELECT string_agg('(' || a.alternatives || ') & (' || b.alternatives || ')', ' | ')::tsquery
                  FROM common_groups a JOIN common_groups b ON a.term_group < b.term_group
                )`
          } AS terms
        ),
        met_matches AS MATERIALIZED (
          SELECT c.id, ${matchedTerms}
          FROM meeting q CROSS JOIN chunks c
          WHERE q.terms IS NOT NULL AND ${filterSql(input, sql`c.`)} AND c.search_vector @@ q.terms
          ${input.match === "any" ? sql`LIMIT ${fullTextReadBudget}` : sql``}
        ),
        single_matches AS MATERIALIZED (
          SELECT c.id, ${matchedTerms}
          FROM (
            SELECT string_agg(term::text, ' | ')::tsquery AS terms FROM query_terms WHERE NOT rare AND documents > 0
          ) AS q CROSS JOIN chunks c
          WHERE ${input.match === "any"} AND q.terms IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM rare_matches) AND NOT EXISTS (SELECT 1 FROM met_matches)
            AND ${filterSql(input, sql`c.`)} AND c.search_vector @@ q.terms
          LIMIT ${input.candidates * proximityPool}
        ),
        text_matches AS MATERIALIZED (
          SELECT DISTINCT ON (id) id, size, positions, density
          FROM (
            SELECT * FROM rare_matches UNION ALL SELECT * FROM met_matches UNION ALL SELECT * FROM single_matches
          ) AS all_matches
        ),
        text_pairs AS MATERIALIZED (
          SELECT m.id, m.size, m.density, position FROM text_matches m CROSS JOIN LATERAL unnest(m.positions) AS position
        ),
        match_stats AS MATERIALIZED (
          SELECT greatest(count(*), ${input.corpusSize}::int, (SELECT max(documents) FROM query_terms))::float8
              AS documents,
            coalesce(avg(size), 1) AS average_size
          FROM text_matches
        ),
        term_weights AS MATERIALIZED (
          SELECT t.position, t.term_group,
            t.weight * ln((s.documents + 1) / (greatest(count(*), t.documents) + 0.5)) AS weight
          FROM text_pairs p JOIN query_terms t USING (position) CROSS JOIN match_stats s
          GROUP BY t.position, t.term_group, t.weight, t.documents, s.documents
        ),
        text_groups AS (
          SELECT p.id, p.size, p.density, w.term_group, max(w.weight) AS weight
          FROM text_pairs p JOIN term_weights w USING (position)
          GROUP BY p.id, p.size, p.density, w.term_group
        ),
        text_best AS MATERIALIZED (
          SELECT g.id, g.density,
            sum(g.weight) * ${bm25.k1 + 1}
              / (1 + ${bm25.k1} * (${1 - bm25.b} + ${bm25.b} * g.size / s.average_size)) AS bm25
          FROM text_groups g CROSS JOIN match_stats s
          GROUP BY g.id, g.size, g.density, s.average_size
          ORDER BY bm25 DESC, g.id
          LIMIT ${input.candidates * proximityPool}
        ),
        text_candidates AS MATERIALIZED (
          SELECT id, bm25 + density AS text_score FROM text_best
          ORDER BY text_score DESC, id
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
        WHERE EXISTS (SELECT 1 FROM project)
        ORDER BY f.score DESC, c.id`,
  );
  return rows.map((row) => ({
    ...row,
    score: Number(row.score),
    distance: row.distance === null ? null : Number(row.distance),
  }));
}
