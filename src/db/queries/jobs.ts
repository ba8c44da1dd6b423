import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { UserTransaction } from "../rls.ts";
import { selectRows } from "../rows.ts";
import { type JobRecord, type JobStepRecord, jobSteps, jobs } from "../schema/jobs.ts";

type JobStatus = JobRecord["status"];

/** Job queries. Reads for a user run in `withUser` (RLS); changes run in `withSystem` (the job machinery). */

export async function insertJob(tx: UserTransaction, values: typeof jobs.$inferInsert): Promise<JobRecord> {
  const [row] = await tx.insert(jobs).values(values).returning();
  return row!;
}

export async function findJob(tx: UserTransaction, jobId: string): Promise<JobRecord | undefined> {
  const [row] = await tx.select().from(jobs).where(eq(jobs.id, jobId));
  return row;
}

/** The job row, locked for the rest of the transaction (state changes take turns per job). */
export async function lockJob(tx: UserTransaction, jobId: string): Promise<JobRecord | undefined> {
  const [row] = await tx.select().from(jobs).where(eq(jobs.id, jobId)).for("update");
  return row;
}

export async function listJobs(
  tx: UserTransaction,
  filter: { projectId?: string; status?: JobStatus; limit: number },
): Promise<JobRecord[]> {
  return tx
    .select()
    .from(jobs)
    .where(
      and(
        filter.projectId ? eq(jobs.projectId, filter.projectId) : undefined,
        filter.status ? eq(jobs.status, filter.status) : undefined,
      ),
    )
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(filter.limit);
}

export async function updateJob(
  tx: UserTransaction,
  jobId: string,
  patch: Partial<typeof jobs.$inferInsert>,
): Promise<JobRecord | undefined> {
  const [row] = await tx
    .update(jobs)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(jobs.id, jobId))
    .returning();
  return row;
}

/** Updates the job only while `leaseToken` still holds it: a worker whose lease was taken over writes nothing. */
export async function updateLeasedJob(
  tx: UserTransaction,
  jobId: string,
  leaseToken: string,
  patch: Partial<typeof jobs.$inferInsert>,
): Promise<JobRecord | undefined> {
  const [row] = await tx
    .update(jobs)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(jobs.id, jobId), eq(jobs.leaseToken, leaseToken)))
    .returning();
  return row;
}

/** The finished steps of a job in completion order. */
export async function listSteps(tx: UserTransaction, jobId: string): Promise<JobStepRecord[]> {
  return tx.select().from(jobSteps).where(eq(jobSteps.jobId, jobId)).orderBy(asc(jobSteps.position));
}

/** Records a finished step; a step already recorded is kept as it was (its first result is the result). */
export async function insertStep(tx: UserTransaction, step: typeof jobSteps.$inferInsert): Promise<void> {
  await tx.insert(jobSteps).values(step).onConflictDoNothing();
}

/** Extends a lease the worker still holds; false when it has lost it. */
export async function extendLease(
  tx: UserTransaction,
  lease: { jobId: string; token: string; leaseSeconds: number },
): Promise<boolean> {
  const rows = await tx
    .update(jobs)
    .set({ leaseExpiresAt: sql`now() + make_interval(secs => ${lease.leaseSeconds})` })
    .where(and(eq(jobs.id, lease.jobId), eq(jobs.leaseToken, lease.token)))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Frees every lease a worker holds (shutdown, or start-up of the only process of an embedded database). */
export async function releaseLeases(tx: UserTransaction, worker?: string): Promise<void> {
  await tx
    .update(jobs)
    .set({ leaseOwner: null, leaseToken: null, leaseExpiresAt: null })
    .where(
      and(inArray(jobs.status, ["queued", "running"]), worker ? eq(jobs.leaseOwner, worker) : undefined),
    );
}

/** The earliest time a waiting job becomes ready (for a worker deciding how long to sleep). */
export async function nextRunAt(tx: UserTransaction): Promise<Date | undefined> {
  const [row] = await selectRows<{ next: string | Date | null }>(
    tx,
    sql`SELECT min(greatest(run_at, coalesce(lease_expires_at, run_at))) AS next FROM jobs
        WHERE status IN ('queued', 'running')`,
  );
  return row?.next ? new Date(row.next) : undefined;
}

/** Finished jobs older than `cutoff` (retention), oldest first. */
export async function listExpiredJobs(
  tx: UserTransaction,
  cutoff: Date,
  limit: number,
): Promise<JobRecord[]> {
  return tx
    .select()
    .from(jobs)
    .where(and(inArray(jobs.status, ["succeeded", "failed", "cancelled"]), lt(jobs.createdAt, cutoff)))
    .orderBy(asc(jobs.createdAt))
    .limit(limit);
}

export async function deleteJobs(tx: UserTransaction, jobIds: string[]): Promise<number> {
  if (jobIds.length === 0) return 0;
  const rows = await tx.delete(jobs).where(inArray(jobs.id, jobIds)).returning({ id: jobs.id });
  return rows.length;
}
