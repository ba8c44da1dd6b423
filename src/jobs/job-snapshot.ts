import type { JobRecord } from "../db/schema/jobs.ts";
import type { JobEvent, JobSnapshot } from "./job-service.ts";

/**
 * What clients see of a job. The ETA comes from the job's measured rate: the time it took to reach its
 * progress, scaled to what is left (none before the first progress report).
 */
export function toJobSnapshot(job: JobRecord, now = new Date()): JobSnapshot {
  return {
    jobId: job.id,
    tool: job.tool,
    projectId: job.projectId,
    status: job.status,
    progress: job.progress,
    message: job.message,
    etaSeconds: estimateSeconds(job, now),
    attempts: job.attempts,
    error: job.error,
    output: job.output ?? null,
    creditsReserved: job.creditsReserved,
    creditsCaptured: job.creditsCaptured,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

function estimateSeconds(job: JobRecord, now: Date): number | null {
  if (job.status !== "running" || !job.startedAt || job.progress <= 0 || job.progress >= 100) return null;
  const elapsed = (now.getTime() - job.startedAt.getTime()) / 1000;
  return Math.max(0, Math.round((elapsed * (100 - job.progress)) / job.progress));
}

/** A job event small enough for a NOTIFY payload: the output is left for the client to fetch. */
export function shrinkJobEvent(event: JobEvent): JobEvent {
  return { ...event, job: { ...event.job, output: { omitted: true, reason: "large; fetch the job" } } };
}
