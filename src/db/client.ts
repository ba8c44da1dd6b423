import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { type DataDirLock, lockDataDir } from "./data-dir-lock.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;

/** The drizzle API the studio codes against; both drivers provide it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/** A notification listener: PostgreSQL LISTEN on the server, in-process delivery on PGlite. */
export type Listen = (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;

type HandleBase = {
  db: Database;
  /** Sends a notification to every listener of the channel (across processes on the server). */
  notify(channel: string, payload: string): Promise<void>;
  listen: Listen;
  /**
   * Runs `work` on one dedicated connection while holding a PostgreSQL advisory lock, so that processes
   * sharing a database take turns (migrations at start-up). PGlite has one connection and needs no lock.
   */
  exclusive<T>(lockKey: number, work: (db: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/** The raw driver rides along for what drizzle does not cover (data-dir dumps, CREATE DATABASE in tests). */
export type PgliteHandle = HandleBase & { mode: "pglite"; client: PGlite };
export type PostgresHandle = HandleBase & { mode: "postgres"; client: postgres.Sql };
export type DatabaseHandle = PgliteHandle | PostgresHandle;

export type DatabaseOptions =
  | { mode: "postgres"; url: string; maxConnections?: number }
  | { mode: "pglite"; dataDir: string | "memory"; loadDataDir?: Blob | File };

/**
 * Opens the database: the PostgreSQL server through postgres.js, or PGlite in process with the `vector`
 * extension loaded (file-backed under `dataDir`, or in memory). The same drizzle API and schema serve both.
 */
export async function createDb(options: Extract<DatabaseOptions, { mode: "pglite" }>): Promise<PgliteHandle>;
export async function createDb(
  options: Extract<DatabaseOptions, { mode: "postgres" }>,
): Promise<PostgresHandle>;
export async function createDb(options: DatabaseOptions): Promise<DatabaseHandle>;
export async function createDb(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.mode === "postgres" ? openPostgres(options) : openPglite(options);
}

function openPostgres(options: { url: string; maxConnections?: number }): PostgresHandle {
  const client = postgres(options.url, {
    max: options.maxConnections ?? 10,
    onnotice: () => {},
    connection: { application_name: "nollyai" },
  });
  return {
    db: drizzlePostgres({ client, schema }) as unknown as Database,
    mode: "postgres",
    client,
    async notify(channel, payload) {
      await client.notify(channel, payload);
    },
    async listen(channel, onPayload) {
      const subscription = await client.listen(channel, onPayload);
      return () => subscription.unlisten();
    },
    async exclusive(lockKey, work) {
      // A one-connection client: the advisory lock, the work and the unlock must share a session.
      const single = postgres(options.url, { max: 1, onnotice: () => {} });
      try {
        await single`SELECT pg_advisory_lock(${lockKey})`;
        return await work(drizzlePostgres({ client: single, schema }) as unknown as Database);
      } finally {
        await single.end({ timeout: 5 });
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(options: {
  dataDir: string | "memory";
  loadDataDir?: Blob | File;
}): Promise<PgliteHandle> {
  let location = "memory://";
  let lock: DataDirLock | undefined;
  if (options.dataDir !== "memory") {
    location = path.resolve(options.dataDir);
    mkdirSync(location, { recursive: true });
    lock = lockDataDir(location);
  }
  const client = new PGlite(location, {
    extensions: { vector },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  try {
    await client.waitReady;
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    db,
    mode: "pglite",
    client,
    async notify(channel, payload) {
      await client.query("SELECT pg_notify($1, $2)", [channel, payload]);
    },
    async listen(channel, onPayload) {
      const unsubscribe = await client.listen(channel, onPayload);
      return () => unsubscribe();
    },
    exclusive: (_lockKey, work) => work(db),
    async close() {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}
