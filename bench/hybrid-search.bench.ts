/**
 * Hybrid search benchmark: `searchProject` (full text + vector, RRF, under RLS) against the raw pgvector
 * query in the same transaction setup, p50 and p95 at 10k and 100k chunks, on PGlite and (when
 * NOLLYAI_TEST_DATABASE_URL names an admin URL) on the PostgreSQL server; recall@10 of the index-backed
 * vector ranking against exact search. Targets: hybrid ≤ 2× raw, recall@10 ≥ 0.95.
 * Run: npx tsx bench/hybrid-search.bench.ts [--sizes=10000,100000] [--pglite-sizes=10000] [--keep]
 * (PGlite builds a 100k HNSW index slowly in WASM, so by default it runs 10k only; `--pglite-sizes=` skips
 * it.) `--keep` keeps each server database (`nollyai_bench_keep_<size>`) after the run and reuses it when a
 * complete one is there, so a change to search is measured again without the 100k load (~17 min); the
 * database is migrated again on reuse. Drop them by hand when done. Both databases are
 * migrated by a superuser here, so `@@` is LEAKPROOF (migration 0010) and RLS lets it use the GIN index.
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { searchProject } from "../src/agent/retrieval/search-project.ts";
import { clusteredVectors } from "../src/agent/retrieval/testing-clustered-vectors.ts";
import { createDb, type DatabaseHandle } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { prepareVectorSearch, vectorLiteral, vectorSearchChunks } from "../src/db/queries/chunk-search.ts";
import { createProject } from "../src/db/queries/projects.ts";
import { userScope, withSystem, withUser } from "../src/db/rls.ts";
import { selectRows } from "../src/db/rows.ts";
import { user } from "../src/db/schema.ts";
import { serverDatabaseUrl, testServerAdminUrl } from "../src/db/testing/server-url.ts";
import { createModelEmbedder } from "../src/providers/embeddings/index.ts";

const option = (name: string, fallback: string) =>
  (process.argv.find((argument) => argument.startsWith(`--${name}=`))?.split("=")[1] ?? fallback)
    .split(",")
    .map(Number)
    .filter((size) => size > 0);
const serverSizes = option("sizes", "10000,100000");
const pgliteSizes = option("pglite-sizes", "10000");
const clusters = 64;
const queries = 40;
const warmup = 5;
const k = 10;
const model = "bench-clustered";
const keep = process.argv.includes("--keep");

const data = clusteredVectors({ dimensions: 768, clusters, spread: 0.6, seed: 11 });
const queryVectors = new Map<string, number[]>();
const queryTexts = Array.from({ length: queries + warmup }, (_, index) => {
  const cluster = (index * 7) % clusters;
  const text = `topic${cluster}x${index % 10} topic${cluster}x${(index + 3) % 10} w${(index * 37) % 5000}`;
  queryVectors.set(text, data.sample(cluster));
  return text;
});
/** The query "embedder" hands back the prepared vector of each query text, so only search is timed. */
const embedder = createModelEmbedder({
  id: model,
  kind: "local",
  maxRetries: 0,
  model: {
    specificationVersion: "v3",
    provider: "bench",
    modelId: model,
    maxEmbeddingsPerCall: 100,
    supportsParallelCalls: false,
    doEmbed: async ({ values }) => ({
      embeddings: values.map((value) => queryVectors.get(value) ?? []),
      warnings: [],
    }),
  },
});

async function load(handle: DatabaseHandle, size: number): Promise<string> {
  const ownerId = `bench-${randomBytes(4).toString("hex")}`;
  await handle.db.insert(user).values({ id: ownerId, name: ownerId, email: `${ownerId}@example.com` });
  const project = await withUser(handle.db, ownerId, (tx) => createProject(tx, { ownerId, title: "Bench" }));
  await handle.db.execute(sql`DROP INDEX IF EXISTS chunks_embedding_idx`);
  await handle.db.execute(sql`CREATE TEMP TABLE bench_centres (cluster int PRIMARY KEY, centre float4[])`);
  for (const [cluster, centre] of data.centres.entries()) {
    await handle.db.execute(
      sql`INSERT INTO bench_centres VALUES (${cluster}, ${`{${centre.join(",")}}`}::float4[])`,
    );
  }
  // Vectors and text are generated in the database: a clustered vector (centre + noise) and ~40 words
  // (two topic words of the cluster, the rest from a skewed 5,000-word vocabulary).
  const batch = 5000;
  for (let start = 0; start < size; start += batch) {
    await withSystem(handle.db, (tx) =>
      tx.execute(sql`INSERT INTO chunks (owner_id, project_id, source_type, source_id, source_label, ordinal,
            content, content_hash, embedding, embedding_model)
          SELECT ${ownerId}, ${project.id}, 'note', 'bench-' || g, 'bench ' || g, 0,
            'topic' || (g % ${clusters}::int) || 'x' || (g % 10) || ' topic' || (g % ${clusters}::int) || 'x' || ((g / 7) % 10) || ' ' ||
              (SELECT string_agg('w' || floor(5000 * power(random(), 3))::int, ' ') FROM generate_series(1, 38 + 0 * g)),
            g::text,
            (SELECT array_agg(c.centre[d] + 0.6 * (random() + random() + random() - 1.5) * 2 / sqrt(768))
               FROM generate_series(1, 768 + 0 * g) AS d)::vector,
            ${model}
          FROM generate_series(${start}::int, ${Math.min(start + batch, size) - 1}::int) AS g
          JOIN bench_centres c ON c.cluster = g % ${clusters}::int`),
    );
  }
  await handle.db.execute(sql`SET maintenance_work_mem = '512MB'`);
  await handle.db.execute(
    sql`CREATE INDEX chunks_embedding_idx ON chunks USING hnsw (embedding vector_cosine_ops)`,
  );
  // What autovacuum leaves after a bulk load: statistics, and the GIN pending list merged into the index
  // (searched before the merge, every query would also scan the up to 4 MB of pending entries).
  await handle.db.execute(sql`VACUUM ANALYZE chunks`);
  await handle.db.execute(sql`DROP TABLE bench_centres`);
  return `${ownerId}/${project.id}`;
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

/** The bench project of a kept database, when its load finished (the HNSW index is built last but one). */
async function loaded(handle: DatabaseHandle, size: number): Promise<string | undefined> {
  const [row] = await selectRows<{ owner: string; project: string; chunks: number }>(
    handle.db,
    sql`SELECT min(owner_id) AS owner, min(project_id::text) AS project, count(*)::int AS chunks FROM chunks
        WHERE embedding_model = ${model} AND to_regclass('chunks_embedding_idx') IS NOT NULL`,
  );
  return row && row.chunks === size ? `${row.owner}/${row.project}` : undefined;
}

async function measure(handle: DatabaseHandle, label: string, size: number): Promise<void> {
  const started = performance.now();
  const kept = keep ? await loaded(handle, size) : undefined;
  const [ownerId = "", projectId = ""] = (kept ?? (await load(handle, size))).split("/");
  const loadSeconds = (performance.now() - started) / 1000;
  const scope = userScope(handle.db, ownerId);
  const hybrid: number[] = [];
  const raw: number[] = [];
  // The same times split by whether the query ran first (its pages not yet read by the other query).
  const first = { hybrid: [] as number[], raw: [] as number[] };
  let recallSum = 0;
  for (const [index, text] of queryTexts.entries()) {
    const vector = queryVectors.get(text) ?? [];
    const timeHybrid = async () => {
      const time = performance.now();
      await searchProject({ scope, embedder, projectId, query: text, k });
      return performance.now() - time;
    };
    const timeRaw = async () => {
      const time = performance.now();
      await scope(async (tx) => {
        await prepareVectorSearch(tx, k);
        await selectRows(
          tx,
          sql`SELECT id FROM chunks WHERE project_id = ${projectId} AND embedding_model = ${model}
              ORDER BY embedding <=> ${vectorLiteral(vector)}::vector LIMIT ${k}`,
        );
      });
      return performance.now() - time;
    };
    // Whichever runs second finds the query's index and heap pages already in shared buffers (at 100k
    // chunks they do not all fit in the default 128 MB), so each goes first for half of the queries.
    let hybridMs: number;
    let rawMs: number;
    if (index % 2 === 0) {
      hybridMs = await timeHybrid();
      rawMs = await timeRaw();
    } else {
      rawMs = await timeRaw();
      hybridMs = await timeHybrid();
    }
    if (index < warmup) continue;
    hybrid.push(hybridMs);
    raw.push(rawMs);
    first[index % 2 === 0 ? "hybrid" : "raw"].push(index % 2 === 0 ? hybridMs : rawMs);
    const filter = { projectId, embeddingModel: model, vector, limit: k };
    const [approximate, exact] = await scope(async (tx) => {
      await prepareVectorSearch(tx, k);
      return [
        await vectorSearchChunks(tx, { ...filter, mode: "index" }),
        await vectorSearchChunks(tx, { ...filter, mode: "exact" }),
      ];
    });
    const truth = new Set(exact.map((hit) => hit.id));
    recallSum += approximate.filter((hit) => truth.has(hit.id)).length / k;
  }
  const p50 = percentile(hybrid, 0.5);
  const p95 = percentile(hybrid, 0.95);
  const rawP50 = percentile(raw, 0.5);
  const rawP95 = percentile(raw, 0.95);
  const recall = recallSum / queries;
  console.log(
    `${label.padEnd(9)} ${String(size).padStart(7)} chunks (load ${loadSeconds.toFixed(0)} s): hybrid p50 ${p50.toFixed(1)} ms p95 ${p95.toFixed(1)} ms | raw pgvector p50 ${rawP50.toFixed(1)} ms p95 ${rawP95.toFixed(1)} ms | ratio p50 ${(p50 / rawP50).toFixed(2)}× p95 ${(p95 / rawP95).toFixed(2)}× (target ≤ 2) | recall@10 ${recall.toFixed(3)} (target ≥ 0.95)`,
  );
  const firstHybrid = percentile(first.hybrid, 0.5);
  const firstRaw = percentile(first.raw, 0.5);
  console.log(
    `${"".padEnd(17)} each when it ran first (cold): hybrid p50 ${firstHybrid.toFixed(1)} ms | raw p50 ${firstRaw.toFixed(1)} ms | ratio ${(firstHybrid / firstRaw).toFixed(2)}×`,
  );
}

for (const size of pgliteSizes) {
  const handle = await createDb({ mode: "pglite", dataDir: "memory" });
  await migrateDatabase(handle);
  await measure(handle, "PGlite", size);
  await handle.close();
}
const adminUrl = testServerAdminUrl();
if (adminUrl) {
  for (const size of serverSizes) {
    const name = keep ? `nollyai_bench_keep_${size}` : `nollyai_bench_${randomBytes(4).toString("hex")}`;
    const admin = await createDb({ mode: "postgres", url: adminUrl, maxConnections: 1 });
    const existing = await admin.client.unsafe(`SELECT 1 FROM pg_database WHERE datname = '${name}'`);
    if (existing.length === 0) await admin.client.unsafe(`CREATE DATABASE ${name}`);
    const handle = await createDb({
      mode: "postgres",
      url: serverDatabaseUrl(adminUrl, name),
      maxConnections: 2,
    });
    try {
      await migrateDatabase(handle);
      await measure(handle, "Postgres", size);
    } finally {
      await handle.close();
      if (!keep) await admin.client.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    }
  }
} else {
  console.log("PostgreSQL server: skipped (set NOLLYAI_TEST_DATABASE_URL to an admin URL to include it)");
}
