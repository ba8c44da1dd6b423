import type { AnyJobDefinition, JobRunContext } from "./define-job.ts";

/**
 * What a job function needs from the machinery, whichever engine runs it. Every method is idempotent:
 * a step that reran after a crash, or a finish that Inngest delivered twice, changes nothing twice.
 */
export type JobRuntime = {
  /** Moves the progress bar (never backwards) and marks a queued job running. */
  reportProgress(jobId: string, progress: number, message?: string): Promise<void>;
  remember(jobId: string, key: string, value: string): Promise<void>;
  /** Marks the job succeeded with its output, captures the actual cost and refunds the rest. */
  complete(input: {
    jobId: string;
    output: unknown;
    actualCost?: (reserved: number) => number;
  }): Promise<void>;
  /** Marks the job failed with an actionable error and refunds the whole reservation. */
  fail(jobId: string, error: unknown): Promise<void>;
  /** The services part of a job's context (database as the user, storage, logger, services). */
  contextFor(
    definition: AnyJobDefinition,
    job: { jobId: string; userId: string; projectId: string | null },
  ): Omit<JobRunContext<unknown>, "input" | "step" | "jobId" | "userId" | "projectId">;
};
