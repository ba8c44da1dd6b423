import type { Database } from "../db/client.ts";
import { listJobs } from "../db/queries/jobs.ts";
import { withUser } from "../db/rls.ts";
import type { JobRecord } from "../db/schema/jobs.ts";
import { AppError } from "../lib/errors.ts";
import { isId } from "../lib/ids.ts";
import type { JobLifecycle } from "./job-lifecycle.ts";
import type { JobEvent, JobService } from "./job-service.ts";
import { toJobSnapshot } from "./job-snapshot.ts";

/** How an engine learns of jobs: a new job to start, a cancelled one to stop. */
export type JobDispatcher = {
  dispatch(job: JobRecord): Promise<void>;
  cancelled(job: JobRecord): Promise<void>;
};

/** The live event source the service reads job events from. */
export type JobEventSource = {
  subscribe(userId: string, listener: (event: { type: string }) => void): Promise<() => Promise<void>>;
};

/**
 * The job service every surface uses. Reads run as the caller (RLS: another user's job is `not_found:job`);
 * changes go through the lifecycle, then the engine is told.
 */
export function createJobService(options: {
  db: Database;
  lifecycle: JobLifecycle;
  dispatcher: JobDispatcher;
  events: JobEventSource;
}): JobService {
  const { db, lifecycle, dispatcher } = options;

  const start = async (job: JobRecord) => {
    try {
      await dispatcher.dispatch(job);
    } catch (error) {
      await lifecycle.runtime.fail(job.id, error);
      throw new AppError(
        "unavailable:jobs",
        "The job engine could not be reached; nothing was charged. Try again.",
        {
          cause: error,
        },
      );
    }
    return { jobId: job.id, status: job.status, estimatedCredits: job.creditsReserved };
  };

  return {
    async enqueue(request) {
      return start(await lifecycle.create(request));
    },

    async get(userId, jobId) {
      return toJobSnapshot(await lifecycle.visible(userId, jobId));
    },

    async list(userId, filter = {}) {
      if (filter.projectId !== undefined && !isId(filter.projectId)) return [];
      const rows = await withUser(db, userId, (tx) =>
        listJobs(tx, {
          ...(filter.projectId ? { projectId: filter.projectId } : {}),
          ...(filter.status ? { status: filter.status } : {}),
          limit: Math.min(Math.max(filter.limit ?? 50, 1), 200),
        }),
      );
      const now = new Date();
      return rows.map((row) => toJobSnapshot(row, now));
    },

    async cancel(userId, jobId) {
      const job = await lifecycle.cancel(userId, jobId);
      await dispatcher.cancelled(job);
      return toJobSnapshot(job);
    },

    async retry(userId, jobId) {
      const job = await lifecycle.visible(userId, jobId);
      if (job.status !== "failed" && job.status !== "cancelled") {
        throw new AppError(
          "conflict:job_not_retryable",
          `Only a failed or cancelled job can be retried; this one is ${job.status}.`,
        );
      }
      return start(
        await lifecycle.create({
          userId,
          tool: job.tool,
          input: job.input,
          estimatedCredits: job.creditsReserved,
          priority: job.priority,
          retryOf: job.id,
          ...(job.projectId ? { projectId: job.projectId } : {}),
        }),
      );
    },

    async subscribe(userId, listener) {
      return options.events.subscribe(userId, (event) => {
        if (event.type.startsWith("job-")) listener(event as JobEvent);
      });
    },
  };
}
