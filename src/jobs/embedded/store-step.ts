import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { selectRows } from "../../db/rows.ts";
import { withSystemPipelined } from "../system-transaction.ts";

export type StoredStep = {
  jobId: string;
  ownerId: string;
  /** The lease token the storing worker holds. */
  token: string;
  stepId: string;
  name: string | null;
  position: number;
  kind: "data" | "error";
  data: unknown;
  error: unknown;
};

/**
 * Stores a finished step in one statement, fenced by the lease: only while `token` still holds the running
 * job is the step inserted (a step stored before keeps its first result) and the job's failed-attempt
 * counter reset. Returns false when the lease is gone (taken over, cancelled, finished): the caller must stop.
 */
export async function storeStep(db: Database, step: StoredStep): Promise<boolean> {
  const rows = await withSystemPipelined(db, (tx) =>
    selectRows<{ held: number }>(
      tx,
      sql`WITH held AS (
            UPDATE jobs SET step_attempt = 0, updated_at = now()
            WHERE id = ${step.jobId} AND lease_token = ${step.token} AND status = 'running'
            RETURNING id
          ), stored AS (
            INSERT INTO job_steps (job_id, step_id, owner_id, name, position, kind, data, error)
            SELECT held.id, ${step.stepId}, ${step.ownerId}, ${step.name}, ${step.position}, ${step.kind},
                   ${json(step.data)}::jsonb, ${json(step.error)}::jsonb
            FROM held
            ON CONFLICT (job_id, step_id) DO NOTHING
          )
          SELECT count(*)::int AS held FROM held`,
    ),
  );
  return (rows[0]?.held ?? 0) > 0;
}

/** A JSON parameter, or SQL NULL for a step without data or error. */
function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
