import { z } from "zod";
import { renameProject } from "../db/queries/projects.ts";
import { projectIdInput, projectView, toProjectView } from "./shared-schemas.ts";
import { defineTool } from "./tool.ts";

export const renameProjectTool = defineTool({
  name: "rename-project",
  title: "Rename a project",
  description: "Renames a project (and optionally changes its description).",
  inputSchema: z.object({
    projectId: projectIdInput,
    title: z.string().trim().min(1, "give the new title").max(200),
    description: z.string().max(5000).optional(),
  }),
  outputSchema: z.object({ project: projectView }),
  cost: 0,
  annotations: { readOnly: false, destructive: false, longRunning: false, idempotent: true },
  examples: [
    'rename the project to "Lagos Love"',
    "change the title to Owambe Wahala",
    "call this project Third Mainland",
  ],
  async execute(context, input) {
    const project = await context.transaction((tx) => renameProject(tx, input));
    return { project: toProjectView(project) };
  },
});
