import type { AnyJobDefinition } from "../../jobs/define-job.ts";
import type { Tool } from "../tool.ts";
import { copyGradeTool } from "./copy-grade.ts";
import { exportLutTool } from "./export-lut.ts";
import { gradeMediaJob } from "./grade-media/job.ts";
import { gradeMediaTool } from "./grade-media/tool.ts";
import { listGradeVersionsTool } from "./list-grade-versions.ts";
import { listPresetsTool } from "./list-presets.ts";
import { matchToReferenceTool } from "./match-to-reference.ts";
import { previewGradeTool } from "./preview-grade.ts";
import { savePresetTool } from "./save-preset.ts";

/** The color tools, listed once; `tools/index.ts` includes them in the registry. */
export const colorTools: readonly Tool[] = [
  previewGradeTool,
  gradeMediaTool,
  exportLutTool,
  matchToReferenceTool,
  listPresetsTool,
  savePresetTool,
  listGradeVersionsTool,
  copyGradeTool,
];

/** The durable jobs of the long color tools. */
export const colorJobs: readonly AnyJobDefinition[] = [gradeMediaJob];
