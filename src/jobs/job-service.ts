import type { JobHandle, JobQueue, JobStatus } from "./job-queue.ts";

/** What clients see of a job. */
export type JobSnapshot = {
  jobId: string;
  tool: string;
  projectId: string | null;
  status: JobStatus;
  progress: number;
  message: string | null;
  etaSeconds: number | null;
  attempts: number;
  error: { code: string; message: string } | null;
  output: unknown;
  creditsReserved: number;
  creditsCaptured: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export type JobEvent =
  | { type: "job-created"; job: JobSnapshot }
  | { type: "job-progress"; job: JobSnapshot }
  | { type: "job-finished"; job: JobSnapshot };

/**
 * The job service every surface uses: start, read, cancel and retry jobs, and follow their events.
 * Every method takes the caller's user id; another user's job is `not_found:job`.
 */
export interface JobService extends JobQueue {
  get(userId: string, jobId: string): Promise<JobSnapshot>;
  list(
    userId: string,
    filter?: { projectId?: string; status?: JobStatus; limit?: number },
  ): Promise<JobSnapshot[]>;
  cancel(userId: string, jobId: string): Promise<JobSnapshot>;
  retry(userId: string, jobId: string): Promise<JobHandle>;
  /** Live events of one user's jobs (across server processes on PostgreSQL). Returns an unsubscribe. */
  subscribe(userId: string, listener: (event: JobEvent) => void): Promise<() => Promise<void>>;
}
