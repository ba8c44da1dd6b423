import type { AnyJobDefinition } from "../jobs/define-job.ts";
import { audioJobs, audioTools } from "./audio/index.ts";
import { colorJobs, colorTools } from "./color/index.ts";
import { createProjectTool } from "./create-project.ts";
import { deleteProjectTool } from "./delete-project.ts";
import { getCreditsTool } from "./get-credits.ts";
import { getFileTextTool } from "./get-file-text.ts";
import { getProjectTool } from "./get-project.ts";
import { listFilesTool } from "./list-files.ts";
import { listProjectsTool } from "./list-projects.ts";
import { renameProjectTool } from "./rename-project.ts";
import { scriptJobs, scriptTools } from "./script/index.ts";
import { searchProjectTool } from "./search-project.ts";
import type { Tool } from "./tool.ts";

/**
 * The registry: every studio tool, listed once. The agent, MCP, REST, the CLI and the bot all serve
 * exactly these; a new tool is added here and nowhere else.
 */
export const tools: readonly Tool[] = [
  listProjectsTool,
  createProjectTool,
  getProjectTool,
  renameProjectTool,
  deleteProjectTool,
  listFilesTool,
  getFileTextTool,
  searchProjectTool,
  getCreditsTool,
  ...scriptTools,
  ...colorTools,
  ...audioTools,
] as unknown as readonly Tool[];

/** Durable jobs of the long tools (each `tools/<name>/job.ts` exports `defineJob(...)`), for both engines. */
export const jobDefinitions: readonly AnyJobDefinition[] = [...scriptJobs, ...colorJobs, ...audioJobs];

export function findTool(name: string): Tool | undefined {
  return tools.find((tool) => tool.name === name);
}
