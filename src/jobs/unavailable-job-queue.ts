import { AppError } from "../lib/errors.ts";
import type { JobQueue } from "./job-queue.ts";

/** Stands in until a job engine is configured: long tools answer that jobs are unavailable. */
export const unavailableJobQueue: JobQueue = {
  enqueue: () =>
    Promise.reject(
      new AppError("unavailable:jobs", "Long-running work is not available in this process yet."),
    ),
};
