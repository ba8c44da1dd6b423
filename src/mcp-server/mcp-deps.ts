import type { AccessTokenScope } from "../auth/access-tokens.ts";
import type { DatabaseHandle } from "../db/client.ts";
import type { JobService } from "../jobs/job-service.ts";
import type { Logger } from "../lib/logger.ts";
import type { FfmpegPaths } from "../media/ffmpeg/run.ts";
import type { BlobStorage } from "../storage/blob-storage.ts";
import type { ToolServices } from "../tools/tool.ts";

/**
 * What the MCP server needs from the composition root (`createStudio` provides all but `jobs`, which the
 * durable-jobs work adds). Without `jobs`, long-running tools answer that jobs are unavailable and the job
 * tools and resources are not offered.
 */
export type McpDeps = {
  database: DatabaseHandle;
  storage: BlobStorage;
  logger: Logger;
  ffmpeg: FfmpegPaths;
  jobs?: JobService;
  services?: ToolServices;
  /** The studio's public address, for download links of binary files. */
  publicUrl: string;
};

/** The user an MCP connection acts as, and what its credential allows. */
export type McpUser = { id: string; scope: AccessTokenScope };
