import type { SQL } from "drizzle-orm";
import type { Database } from "./client.ts";
import type { UserTransaction } from "./rls.ts";

/**
 * Runs raw SQL and returns its rows on either driver (postgres.js returns an array, PGlite `{ rows }`).
 * For the few queries drizzle's builder cannot express (vector search, locking queue reads).
 */
export async function selectRows<Row>(db: Database | UserTransaction, query: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}
