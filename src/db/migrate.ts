import path from "node:path";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { DatabaseHandle } from "./client.ts";

export const migrationsFolder = path.resolve(import.meta.dirname, "migrations");

/** Arbitrary constant: several server processes starting at once take turns migrating. */
const migrationLockKey = 7_340_211;

/** Applies every committed migration not yet applied. Safe to run twice and from several processes at once. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  await handle.exclusive(migrationLockKey, async (db) => {
    if (handle.mode === "pglite") {
      await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
    } else {
      await migratePostgres(db as unknown as PostgresJsDatabase, { migrationsFolder });
    }
  });
}
