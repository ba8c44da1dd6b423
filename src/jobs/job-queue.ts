/** The states a job moves through: queued → running → succeeded | failed | cancelled. */
export const jobStatuses = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type JobStatus = (typeof jobStatuses)[number];

/** What a long tool gets back at once: the job to follow. */
export type JobHandle = { jobId: string; status: JobStatus; estimatedCredits: number };

export type EnqueueRequest = {
  userId: string;
  projectId?: string;
  /** The tool whose durable function runs the job (its Inngest function id is derived from it). */
  tool: string;
  input: unknown;
  /** Credits reserved before the job starts; captured on success, refunded on failure or cancel. */
  estimatedCredits: number;
  priority?: number;
};

/** Starts durable jobs. Implemented in `jobs/` by the embedded executor or by Inngest. */
export interface JobQueue {
  enqueue(request: EnqueueRequest): Promise<JobHandle>;
}
