import type { AgentDeps } from "../../agent/agent-deps.ts";
import type { RetrievalService } from "../../agent/retrieval/retrieval-service.ts";
import type { Auth } from "../../auth/create-auth.ts";
import type { SessionCache } from "../../auth/session-cache.ts";
import type { Config } from "../../config/env.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import type { JobSystem } from "../../jobs/create-job-system.ts";
import type { JobService } from "../../jobs/job-service.ts";
import type { Logger } from "../../lib/logger.ts";
import type { Mailer } from "../../mail/mailer.ts";
import type { FfmpegPaths } from "../../media/ffmpeg/run.ts";
import type { BlobStorage } from "../../storage/blob-storage.ts";
import type { UploadLimits } from "../../storage/upload-limits.ts";

/** Everything the HTTP app needs, built once by the composition root (`studio.ts`) and passed in. */
export type AppDeps = {
  config: Config;
  database: DatabaseHandle;
  storage: BlobStorage;
  auth: Auth;
  /** Live sessions remembered between requests (told of every sign-out by `auth`'s hooks). */
  sessions: SessionCache;
  mailer: Mailer;
  logger: Logger;
  ffmpeg: FfmpegPaths;
  uploadLimits: UploadLimits;
  agent: AgentDeps;
  retrieval: RetrievalService;
  jobSystem: JobSystem;
  /** The job service (`jobSystem.jobs`), as every surface uses it. */
  jobs: JobService;
  /**
   * Aborted when the studio starts to stop: open-ended responses (the event stream, MCP sessions) end then, so
   * the server's in-flight requests can finish without waiting on streams that never would.
   */
  stopping: AbortSignal;
  /** Where the built web client lives; a placeholder page is served when it has not been built. */
  clientDirectory: string;
};
