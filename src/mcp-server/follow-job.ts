import type { JobStatus } from "../jobs/job-queue.ts";
import type { JobEvent, JobService, JobSnapshot } from "../jobs/job-service.ts";
import { AppError } from "../lib/errors.ts";
import type { Logger } from "../lib/logger.ts";

const finishedStatuses: ReadonlySet<JobStatus> = new Set(["succeeded", "failed", "cancelled"]);

export type ProgressUpdate = { progress: number; total: 100; message?: string };

/**
 * Starts a long tool and follows its job to the end: each rise in progress is reported through
 * `onProgress` (in order, all delivered before this resolves), and an abort of `signal` (the client
 * cancelled the request) cancels the job. Resolves with the tool's output and the job's final snapshot.
 */
export async function followJob(options: {
  jobs: JobService;
  userId: string;
  /** Runs the tool; its output carries the `jobId` of the job it enqueued. */
  start: () => Promise<unknown>;
  onProgress: (update: ProgressUpdate) => Promise<void>;
  signal: AbortSignal;
  logger: Logger;
}): Promise<{ output: unknown; job: JobSnapshot }> {
  const { jobs, userId, logger } = options;
  let jobId: string | undefined;
  const early: JobEvent[] = [];
  let lastProgress = -1;
  let sending = Promise.resolve();
  let settle: (job: JobSnapshot) => void = () => {};
  const finished = new Promise<JobSnapshot>((resolve) => {
    settle = resolve;
  });

  const report = (job: JobSnapshot) => {
    if (job.progress <= lastProgress) return;
    lastProgress = job.progress;
    const update: ProgressUpdate = {
      progress: job.progress,
      total: 100,
      ...(job.message ? { message: job.message } : {}),
    };
    sending = sending
      .then(() => options.onProgress(update))
      .catch((error: unknown) =>
        logger.warn({ err: error, jobId: job.jobId }, "progress notification failed"),
      );
  };
  const handle = (event: JobEvent) => {
    if (event.job.jobId !== jobId) return;
    if (event.type === "job-finished") {
      if (event.job.status === "succeeded") report(event.job);
      settle(event.job);
    } else {
      report(event.job);
    }
  };

  // Subscribed before the job exists, so no event between enqueue and here can be missed.
  const unsubscribe = await jobs.subscribe(userId, (event) => {
    if (jobId) handle(event);
    else early.push(event);
  });
  try {
    const output = await options.start();
    jobId = jobIdOf(output);
    for (const event of early.splice(0)) handle(event);
    const current = await jobs.get(userId, jobId);
    // A job that already finished is reported as finished too, so the client's last update says 100.
    if (current.status === "succeeded" || !finishedStatuses.has(current.status)) report(current);
    if (finishedStatuses.has(current.status)) settle(current);

    const followed = jobId;
    const cancel = () => {
      jobs.cancel(userId, followed).then(settle, (error: unknown) => {
        logger.warn({ err: error, jobId: followed }, "could not cancel the job of a cancelled MCP request");
        jobs.get(userId, followed).then(settle, () => {});
      });
    };
    if (options.signal.aborted) cancel();
    options.signal.addEventListener("abort", cancel, { once: true });
    try {
      const job = await finished;
      await sending;
      return { output, job };
    } finally {
      options.signal.removeEventListener("abort", cancel);
    }
  } finally {
    await unsubscribe();
  }
}

/** The job id in a long tool's output (its job handle). */
export function jobIdOf(output: unknown): string {
  const jobId = (output as { jobId?: unknown } | null)?.jobId;
  if (typeof jobId !== "string") {
    throw new AppError("internal:tool_output", "This long-running tool did not return a job to follow.");
  }
  return jobId;
}

/** True once a job can change no more. */
export function isFinished(job: JobSnapshot): boolean {
  return finishedStatuses.has(job.status);
}
