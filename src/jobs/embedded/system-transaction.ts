import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { UserTransaction } from "../../db/rls.ts";

/**
 * `withSystem` for the executor's hot path: the same system transaction, but the `set_config` that declares
 * system access is pipelined with the work's first statement instead of costing a round trip of its own
 * (postgres.js sends queued statements on the transaction's connection in order without waiting; PGlite runs
 * them in order). Worth it because the executor's throughput is bounded by round trips per job.
 */
export async function withSystemPipelined<T>(
  db: Database,
  work: (tx: UserTransaction) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    let failure: { error: unknown } | undefined;
    const declared = tx.execute(sql`SELECT set_config('app.system_access', 'on', true)`).then(
      () => undefined,
      (error: unknown) => {
        failure = { error };
      },
    );
    const result = await work(tx).finally(() => declared);
    await declared;
    if (failure) throw failure.error;
    return result;
  });
}
