import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { selectRows } from "../../db/rows.ts";
import { type JobRecord, jobs } from "../../db/schema/jobs.ts";
import { withSystemPipelined } from "../system-transaction.ts";

export type ClaimRequest = {
  worker: string;
  /** How many jobs to claim at most (the free slots of this process). */
  slots: number;
  leaseSeconds: number;
  /** Jobs one user may have running at once, across all processes. */
  userLimit: number;
  /** Jobs this process is already driving (a slow heartbeat must not let this process take them twice). */
  exclude: readonly string[];
};

export type ClaimedJob = {
  /** The job as claimed: running, with this worker's fresh lease token. */
  job: JobRecord;
  /** Whether it ran before (its stored steps must be loaded). */
  resumed: boolean;
};

export type ClaimResult = {
  claimed: ClaimedJob[];
  /** Some ready jobs were skipped because another process was claiming for the same user: look again soon. */
  contended: boolean;
};

type Candidate = { id: string; owner_id: string; resumed: boolean; locked: boolean };

/**
 * Claims up to `slots` ready jobs in one transaction of two statements: highest priority, then oldest; rows
 * another worker has locked (`FOR UPDATE SKIP LOCKED`) or leased are skipped, and so are users at their
 * concurrency limit. The first statement locks the candidate rows and, per user, a transaction-scoped
 * advisory lock (tried, never waited for, so claimers cannot deadlock); the second counts each locked user's
 * running jobs in a fresh snapshot (so a claim another process committed for that user is seen) and leases
 * what fits, each job with its own token.
 */
export async function claimJobs(db: Database, request: ClaimRequest): Promise<ClaimResult> {
  if (request.slots <= 0) return { claimed: [], contended: false };
  return withSystemPipelined(db, async (tx) => {
    const candidates = await selectRows<Candidate>(
      tx,
      sql`SELECT id, owner_id, started_at IS NOT NULL AS resumed,
                 pg_try_advisory_xact_lock(hashtextextended(owner_id, 42)) AS locked
          FROM (
            SELECT id, owner_id, started_at FROM jobs
            WHERE status IN ('queued', 'running') AND run_at <= now()
              AND (lease_expires_at IS NULL OR lease_expires_at < now())
              AND NOT (id = ANY(${`{${request.exclude.join(",")}}`}::uuid[]))
            ORDER BY priority DESC, run_at, created_at
            FOR UPDATE SKIP LOCKED
            LIMIT ${request.slots * 2 + 4}
          ) AS ready`,
    );
    const locked = candidates.filter((candidate) => candidate.locked);
    const contended = locked.length < candidates.length;
    if (locked.length === 0) return { claimed: [], contended };
    const picked = sql`SELECT id FROM (
          SELECT candidate.id, candidate.position,
                 row_number() OVER (PARTITION BY candidate.owner_id ORDER BY candidate.position) AS turn,
                 (SELECT count(*) FROM jobs AS busy
                  WHERE busy.owner_id = candidate.owner_id AND busy.status = 'running'
                    AND busy.lease_expires_at >= now()) AS running
          FROM unnest(${`{${locked.map((row) => row.id).join(",")}}`}::uuid[],
                      ${toTextArray(locked.map((row) => row.owner_id))}::text[])
               WITH ORDINALITY AS candidate(id, owner_id, position)
        ) AS ranked
        WHERE turn + running <= ${request.userLimit}
        ORDER BY position
        LIMIT ${request.slots}`;
    const rows = await tx
      .update(jobs)
      .set({
        status: "running",
        leaseOwner: request.worker,
        leaseToken: sql`gen_random_uuid()`,
        leaseExpiresAt: sql`now() + make_interval(secs => ${request.leaseSeconds})`,
        startedAt: sql`coalesce(${jobs.startedAt}, now())`,
        attempts: sql`greatest(${jobs.attempts}, ${jobs.stepAttempt} + 1)`,
        updatedAt: new Date(),
      })
      .where(sql`${jobs.id} IN (${picked})`)
      .returning();
    const order = new Map(locked.map((row, position) => [row.id, { position, resumed: row.resumed }]));
    const claimed = rows
      .map((job) => ({ job, resumed: order.get(job.id)?.resumed ?? true }))
      .sort((a, b) => (order.get(a.job.id)?.position ?? 0) - (order.get(b.job.id)?.position ?? 0));
    return { claimed, contended };
  });
}

/** A PostgreSQL text-array literal (user ids may hold any character). */
function toTextArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, (character) => `\\${character}`)}"`).join(",")}}`;
}
