/**
 * Durable-job queue: enqueue-to-start latency (p50/p95) and throughput of trivial jobs on the embedded
 * executor, against a bare `FOR UPDATE SKIP LOCKED` queue loop on the same database in the same run
 * (target on the PostgreSQL server: ≥ 0.5× the bare loop's throughput). Backends: PGlite in memory, and the
 * PostgreSQL server when NOLLYAI_TEST_DATABASE_URL names one (an admin URL that may create databases).
 * Run: npx tsx bench/jobs-queue.bench.ts
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { parseConfig } from "../src/config/env.ts";
import { createDb, type DatabaseHandle } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { selectRows } from "../src/db/rows.ts";
import { profiles, user } from "../src/db/schema.ts";
import { serverDatabaseUrl, testServerAdminUrl } from "../src/db/testing/server-url.ts";
import { createJobSystem } from "../src/jobs/create-job-system.ts";
import { defineJob } from "../src/jobs/define-job.ts";
import { registerCheckpoints } from "../src/jobs/embedded/checkpoints.ts";
import { createServeProtocol } from "../src/jobs/embedded/serve-protocol.ts";
import { configureInngest, inngest } from "../src/jobs/inngest-client.ts";
import { jobRequestedEvent } from "../src/jobs/job-events.ts";
import { createJobFunction } from "../src/jobs/job-function.ts";
import { createLogger } from "../src/lib/logger.ts";
import { createMailer } from "../src/mail/mailer.ts";
import { createLocalStorage } from "../src/storage/local-storage.ts";

const jobs = 300;
const latencySamples = 60;
const workers = 4;
const started = new Map<string, number>();

const noopJob = defineJob({
  tool: "bench-noop",
  label: "Bench job",
  inputSchema: z.object({}),
  async run({ step, jobId }) {
    return step.run("only", async () => {
      started.set(jobId, performance.now());
      return 1;
    });
  },
});

type Result = { throughput: number; p50: number; p95: number };

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

async function waitUntil(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** The bare loop: W workers claim with SKIP LOCKED, mark running, then done: the least a durable queue does. */
async function bareLoop(handle: DatabaseHandle): Promise<Result> {
  const { db } = handle;
  await db.execute(
    sql`CREATE TABLE IF NOT EXISTS bench_queue (id bigserial PRIMARY KEY, status text NOT NULL, enqueued double precision NOT NULL)`,
  );
  await db.execute(sql`TRUNCATE bench_queue`);
  const claimedAt = new Map<number, number>();
  let stop = false;
  const worker = async () => {
    while (!stop) {
      const rows = await db.transaction((tx) =>
        selectRows<{ id: number }>(
          tx,
          sql`UPDATE bench_queue SET status = 'running' WHERE id = (
                SELECT id FROM bench_queue WHERE status = 'queued' ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
              RETURNING id`,
        ),
      );
      const row = rows[0];
      if (!row) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        continue;
      }
      claimedAt.set(Number(row.id), performance.now());
      await db.execute(sql`UPDATE bench_queue SET status = 'done' WHERE id = ${row.id}`);
    }
  };
  // Throughput: a full queue drained by W workers.
  for (let index = 0; index < jobs; index++) {
    await db.execute(sql`INSERT INTO bench_queue (status, enqueued) VALUES ('queued', 0)`);
  }
  const begin = performance.now();
  const loops = Array.from({ length: workers }, () => worker());
  const done = () =>
    selectRows<{ count: number }>(
      db,
      sql`SELECT count(*)::int AS count FROM bench_queue WHERE status = 'done'`,
    ).then((rows) => (rows[0]?.count ?? 0) >= jobs);
  await waitUntil(done);
  const throughput = jobs / ((performance.now() - begin) / 1000);
  // Latency: one job at a time into idle workers.
  const latencies: number[] = [];
  for (let index = 0; index < latencySamples; index++) {
    const enqueued = performance.now();
    const [row] = await selectRows<{ id: number }>(
      db,
      sql`INSERT INTO bench_queue (status, enqueued) VALUES ('queued', 0) RETURNING id`,
    );
    await waitUntil(async () => claimedAt.has(Number(row!.id)));
    latencies.push(claimedAt.get(Number(row!.id))! - enqueued);
  }
  stop = true;
  await Promise.all(loops);
  return { throughput, p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) };
}

async function executor(handle: DatabaseHandle, credits: number): Promise<Result> {
  const directory = mkdtempSync(path.join(os.tmpdir(), "nollyai-bench-"));
  const config = parseConfig({
    NOLLYAI_DATA_DIR: directory,
    JOB_CONCURRENCY: String(workers),
    JOB_USER_CONCURRENCY: "64",
  });
  const logger = createLogger({ level: "silent" });
  const system = createJobSystem({
    config,
    database: handle,
    storage: createLocalStorage(path.join(directory, "files")),
    mailer: createMailer({ from: config.MAIL_FROM, db: handle.db, logger }),
    logger,
    definitions: [noopJob],
    pollMs: 200,
  });
  const userId = `bench-${randomBytes(4).toString("hex")}`;
  await handle.db.insert(user).values({ id: userId, name: userId, email: `${userId}@example.com` });
  await handle.db.insert(profiles).values({ ownerId: userId, displayName: userId, credits: 1_000_000 });
  const enqueue = () =>
    system.jobs.enqueue({ userId, tool: "bench-noop", input: {}, estimatedCredits: credits });
  const ids: string[] = [];
  for (let index = 0; index < jobs; index++) ids.push((await enqueue()).jobId);
  const succeeded = async (wanted: number) => {
    const [row] = await selectRows<{ count: number }>(
      handle.db,
      sql`SELECT count(*)::int AS count FROM jobs WHERE owner_id = ${userId} AND status = 'succeeded'`,
    );
    return (row?.count ?? 0) >= wanted;
  };
  const begin = performance.now();
  await system.start();
  await waitUntil(() => succeeded(jobs));
  const throughput = jobs / ((performance.now() - begin) / 1000);
  const latencies: number[] = [];
  for (let index = 0; index < latencySamples; index++) {
    const enqueued = performance.now();
    const { jobId } = await enqueue();
    await waitUntil(async () => started.has(jobId));
    latencies.push(started.get(jobId)! - enqueued);
  }
  await waitUntil(() => succeeded(jobs + latencySamples));
  await system.close();
  rmSync(directory, { recursive: true, force: true });
  return { throughput, p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) };
}

/**
 * The executor's ceiling on this machine: the same job function driven through the SDK's serve protocol with
 * checkpoints answered at once and a runtime that records nothing, so no database is involved. The executor
 * cannot be faster than this; it is run on one event loop like the executor's, with 64 runs in flight (its
 * best case: the SDK is CPU-bound from about 16 on, so more would not raise it).
 */
async function protocolAlone(): Promise<{ throughput: number; cpuMsPerJob: number }> {
  configureInngest(inngest, parseConfig({}));
  const runtime = {
    reportProgress: async () => {},
    remember: async () => {},
    complete: async () => {},
    fail: async () => {},
    contextFor: () => ({}) as never,
  };
  const protocol = createServeProtocol(inngest, [createJobFunction(inngest, noopJob, runtime)]);
  const runOne = async (index: number) => {
    const runId = `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`;
    const forget = registerCheckpoints(runId, async () => "stored");
    const data = { jobId: runId, userId: "bench", projectId: null, input: {} };
    await protocol({
      functionId: "nollyai-job-bench-noop",
      event: { name: jobRequestedEvent("bench-noop"), id: runId, ts: Date.now(), data },
      runId,
      attempt: 0,
      maxAttempts: 3,
      steps: {},
      stack: [],
      checkpoint: true,
    });
    forget();
  };
  for (let index = 0; index < 100; index++) await runOne(index);
  const cpu = process.cpuUsage();
  const begin = performance.now();
  let next = 100;
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next < 100 + jobs * 3) await runOne(next++);
    }),
  );
  const used = process.cpuUsage(cpu);
  return {
    throughput: (jobs * 3) / ((performance.now() - begin) / 1000),
    cpuMsPerJob: (used.user + used.system) / 1000 / (jobs * 3),
  };
}

function print(backend: string, name: string, result: Result, baseline?: Result): void {
  const ratio = baseline ? `  ${(result.throughput / baseline.throughput).toFixed(2)}× bare throughput` : "";
  console.log(
    `${backend.padEnd(10)} ${name.padEnd(26)} ${result.throughput.toFixed(0).padStart(6)} jobs/s   start latency p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms${ratio}`,
  );
}

async function run(backend: string, handle: DatabaseHandle): Promise<void> {
  await migrateDatabase(handle);
  const bare = await bareLoop(handle);
  print(backend, "bare SKIP LOCKED loop", bare);
  print(backend, "executor (0 credits)", await executor(handle, 0), bare);
  print(backend, "executor (with credits)", await executor(handle, 1), bare);
  console.log(
    `${backend.padEnd(10)} ceiling: the SDK alone reaches ${(ceiling.throughput / bare.throughput).toFixed(2)}× bare throughput`,
  );
}

console.log(
  `${jobs} trivial jobs (one step), ${workers} workers; latency over ${latencySamples} single jobs\n`,
);
const ceiling = await protocolAlone();
console.log(
  `ceiling    SDK serve protocol alone    ${ceiling.throughput.toFixed(0).padStart(6)} jobs/s   ${ceiling.cpuMsPerJob.toFixed(2)} ms CPU per job, no database\n`,
);
const pglite = await createDb({ mode: "pglite", dataDir: "memory" });
await run("PGlite", pglite);
await pglite.close();

const adminUrl = testServerAdminUrl();
if (adminUrl) {
  const name = `nollyai_bench_${randomBytes(4).toString("hex")}`;
  const admin = await createDb({ mode: "postgres", url: adminUrl, maxConnections: 1 });
  await admin.client.unsafe(`CREATE DATABASE ${name}`);
  const server = await createDb({ mode: "postgres", url: serverDatabaseUrl(adminUrl, name) });
  try {
    await run("PostgreSQL", server);
  } finally {
    await server.close();
    await admin.client.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  }
} else {
  console.log("PostgreSQL: skipped (set NOLLYAI_TEST_DATABASE_URL to a server admin URL to measure it)");
}
