import type { AnyJobDefinition } from "../../jobs/define-job.ts";
import type { Tool } from "../tool.ts";
import { breakdownScriptJob } from "./breakdown-script/job.ts";
import { breakdownScriptTool } from "./breakdown-script/tool.ts";
import { correctBreakdownTool } from "./correct-breakdown.ts";
import { findElementsTool } from "./find-elements.ts";
import { getCastReportTool } from "./get-cast-report.ts";
import { getSceneTool } from "./get-scene.ts";
import { listScenesTool } from "./list-scenes.ts";

/** The script tools, listed once; `tools/index.ts` includes them in the registry. */
export const scriptTools: readonly Tool[] = [
  breakdownScriptTool,
  listScenesTool,
  getSceneTool,
  findElementsTool,
  getCastReportTool,
  correctBreakdownTool,
];

/** The durable jobs of the long script tools. */
export const scriptJobs: readonly AnyJobDefinition[] = [breakdownScriptJob];
