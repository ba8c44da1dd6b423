import type { AnyJobDefinition } from "../../jobs/define-job.ts";
import type { Tool } from "../tool.ts";

/** The script tools, listed once; `tools/index.ts` includes them in the registry. */
export const scriptTools: readonly Tool[] = [];

/** The durable jobs of the long script tools. */
export const scriptJobs: readonly AnyJobDefinition[] = [];
