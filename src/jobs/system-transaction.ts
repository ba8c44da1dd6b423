import { sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import type { UserTransaction } from "../db/rls.ts";

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

/**
 * Awaits statements (or short chains of them) sent together on one transaction, so their round trips overlap.
 * Every one is awaited before anything is thrown; the error thrown is the cause, not a later statement's
 * "current transaction is aborted" (SQLSTATE 25P02).
 */
export async function inParallel<T extends readonly unknown[]>(
  work: { [K in keyof T]: Promise<T[K]> },
): Promise<T> {
  const settled = await Promise.allSettled(work);
  const failures = settled.filter((result) => result.status === "rejected").map((result) => result.reason);
  if (failures.length > 0) throw failures.find((error) => !isAbortedTransaction(error)) ?? failures[0];
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

function isAbortedTransaction(error: unknown): boolean {
  const code = (error as { code?: unknown; cause?: { code?: unknown } } | undefined)?.code;
  const causeCode = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return code === "25P02" || causeCode === "25P02";
}
