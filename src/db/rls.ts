import { sql } from "drizzle-orm";
import type { Database } from "./client.ts";

/** A transaction running as the application role with one user's identity: RLS shows only their rows. */
export type UserTransaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Runs `work` in a transaction as `nollyai_app` (no BYPASSRLS) with `app.user_id` set for this transaction
 * only. Every tenant query of a request goes through here; authorization then holds in the database.
 */
export async function withUser<T>(
  db: Database,
  userId: string,
  work: (tx: UserTransaction) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    // `role` is the setting behind SET LOCAL ROLE: both in one statement save a round trip per transaction.
    await tx.execute(
      sql`SELECT set_config('role', 'nollyai_app', true), set_config('app.user_id', ${userId}, true)`,
    );
    return work(tx);
  });
}

/**
 * Runs `work` in a transaction as the owning role with system access declared: for the studio's own work
 * that belongs to no request (creating a profile at sign-up, running jobs, retention, credit ledger).
 */
export async function withSystem<T>(db: Database, work: (tx: UserTransaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('app.system_access', 'on', true)`);
    return work(tx);
  });
}

/** A database bound to one user: every call runs in its own `withUser` transaction. */
export type UserScope = <T>(work: (tx: UserTransaction) => Promise<T>) => Promise<T>;

/** Binds `withUser` to a user, for code that must not be able to act as anyone else. */
export function userScope(db: Database, userId: string): UserScope {
  return (work) => withUser(db, userId, work);
}
