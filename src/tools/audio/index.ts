import type { AnyJobDefinition } from "../../jobs/define-job.ts";
import type { Tool } from "../tool.ts";

/** The audio tools, listed once; `tools/index.ts` includes them in the registry. */
export const audioTools: readonly Tool[] = [];

/** The durable jobs of the long audio tools. */
export const audioJobs: readonly AnyJobDefinition[] = [];
