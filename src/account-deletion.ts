import { revokeAllAccessTokens } from "./auth/access-tokens.ts";
import type { Database } from "./db/client.ts";
import type { JobService } from "./jobs/job-service.ts";
import type { Logger } from "./lib/logger.ts";
import type { BlobStorage } from "./storage/blob-storage.ts";

/** The longest list of unfinished jobs cancelled in one pass; more passes follow while any are left. */
const cancelBatch = 200;

/**
 * What deleting an account does beyond its rows, which cascade from the user in one statement (projects,
 * files, threads, jobs, ledger, notices, tokens, sessions). Before: every access token is revoked and
 * announced, so no MCP client or other process keeps using one from memory; every unfinished job is
 * cancelled, so workers stop at their next step and external predictions are cancelled. After: the stored
 * files go, all of them under the user's folder.
 */
export function accountDeletion(deps: {
  db: Database;
  jobs: JobService;
  storage: BlobStorage;
  logger: Logger;
}) {
  return {
    async beforeDeleting(userId: string): Promise<void> {
      await revokeAllAccessTokens(deps.db, userId);
      for (let pass = 0; pass < 10; pass++) {
        const unfinished = [
          ...(await deps.jobs.list(userId, { status: "queued", limit: cancelBatch })),
          ...(await deps.jobs.list(userId, { status: "running", limit: cancelBatch })),
        ];
        if (unfinished.length === 0) return;
        for (const job of unfinished) {
          await deps.jobs.cancel(userId, job.jobId).catch((error: unknown) => {
            // it finished meanwhile; its row goes with the account either way
            deps.logger.debug({ err: error, jobId: job.jobId }, "job not cancelled before account deletion");
          });
        }
      }
    },

    async afterDeleted(userId: string): Promise<void> {
      const files = await deps.storage.deletePrefix(userId);
      deps.logger.info({ userId, files }, "account deleted");
    },
  };
}
