import { creditBalance } from "../credits/ledger.ts";
import type { Database } from "../db/client.ts";
import { userScope } from "../db/rls.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import type { Logger } from "../lib/logger.ts";
import type { FfmpegPaths } from "../media/ffmpeg/run.ts";
import type { BlobStorage } from "../storage/blob-storage.ts";
import type { ToolContext, ToolServices } from "./tool.ts";

export type ToolContextDeps = {
  db: Database;
  storage: BlobStorage;
  jobs: JobQueue;
  logger: Logger;
  ffmpeg: FfmpegPaths;
  services?: ToolServices;
};

/** Builds the context a tool runs with for one caller; every surface calls this, so all agree. */
export function createToolContext(
  deps: ToolContextDeps,
  caller: { userId: string; projectId?: string; signal?: AbortSignal },
): ToolContext {
  return {
    user: { id: caller.userId },
    ...(caller.projectId ? { projectId: caller.projectId } : {}),
    ...(caller.signal ? { signal: caller.signal } : {}),
    transaction: userScope(deps.db, caller.userId),
    storage: deps.storage,
    jobs: deps.jobs,
    logger: deps.logger.child({ userId: caller.userId }),
    ffmpeg: deps.ffmpeg,
    credits: { balance: () => creditBalance(deps.db, caller.userId) },
    services: deps.services ?? {},
  };
}
