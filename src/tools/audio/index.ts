import type { AnyJobDefinition } from "../../jobs/define-job.ts";
import type { Tool } from "../tool.ts";
import { analyzeAudioTool } from "./analyze-audio.ts";
import { cleanAudioJob } from "./clean-audio/job.ts";
import { cleanAudioTool } from "./clean-audio/tool.ts";
import { previewCleanTool } from "./preview-clean.ts";

/** The audio tools, listed once; `tools/index.ts` includes them in the registry. */
export const audioTools: readonly Tool[] = [analyzeAudioTool, previewCleanTool, cleanAudioTool];

/** The durable jobs of the long audio tools. */
export const audioJobs: readonly AnyJobDefinition[] = [cleanAudioJob];
