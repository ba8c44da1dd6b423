import type { InngestFunction } from "inngest";
import type { Database } from "../db/client.ts";
import { deleteJobs, listExpiredJobs } from "../db/queries/jobs.ts";
import { withSystem } from "../db/rls.ts";
import type { Logger } from "../lib/logger.ts";
import type { BlobStorage } from "../storage/blob-storage.ts";
import { jobScratchPrefix } from "./define-job.ts";
import type { InngestClient } from "./inngest-client.ts";

/** Daily at 03:17 (off the hour, as cron etiquette asks). */
export const retentionSchedule = "17 3 * * *";

/**
 * Deletes finished jobs older than `days`, with their temporary files (the job's scratch prefix) and step
 * records. Saved outputs are files rows of the project and are never touched here.
 */
export async function deleteExpiredJobs(options: {
  db: Database;
  storage: BlobStorage;
  days: number;
  logger: Logger;
  now?: Date;
}): Promise<{ jobs: number; files: number }> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.days * 86_400_000);
  let removedJobs = 0;
  let removedFiles = 0;
  for (;;) {
    const batch = await withSystem(options.db, (tx) => listExpiredJobs(tx, cutoff, 200));
    if (batch.length === 0) break;
    for (const job of batch) {
      removedFiles += await options.storage.deletePrefix(
        jobScratchPrefix({ ownerId: job.ownerId, jobId: job.id }),
      );
    }
    removedJobs += await withSystem(options.db, (tx) =>
      deleteJobs(
        tx,
        batch.map((job) => job.id),
      ),
    );
  }
  if (removedJobs > 0) options.logger.info({ jobs: removedJobs, files: removedFiles }, "old jobs deleted");
  return { jobs: removedJobs, files: removedFiles };
}

/** The scheduled retention function (Inngest cron; the embedded executor runs it on the same schedule's cadence). */
export function createRetentionFunction(
  client: InngestClient,
  options: Parameters<typeof deleteExpiredJobs>[0],
): InngestFunction.Any {
  return client.createFunction(
    { id: "job-retention", retries: 2, triggers: [{ cron: retentionSchedule }] },
    async ({ step }) =>
      step.run("delete-expired-jobs", () => deleteExpiredJobs({ ...options, now: new Date() })),
  ) as unknown as InngestFunction.Any;
}
