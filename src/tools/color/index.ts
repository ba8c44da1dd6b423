import type { AnyJobDefinition } from "../../jobs/define-job.ts";
import type { Tool } from "../tool.ts";

/** The color tools, listed once; `tools/index.ts` includes them in the registry. */
export const colorTools: readonly Tool[] = [];

/** The durable jobs of the long color tools. */
export const colorJobs: readonly AnyJobDefinition[] = [];
