import { z } from "zod";
import { listFiles } from "../db/queries/files.ts";
import { getProject } from "../db/queries/projects.ts";
import { fileView, projectIdInput, projectView, toFileView, toProjectView } from "./shared-schemas.ts";
import { defineTool } from "./tool.ts";

export const getProjectTool = defineTool({
  name: "get-project",
  title: "Get a project",
  description: "Gets one project with its files. Use it to see what material a project has.",
  inputSchema: z.object({ projectId: projectIdInput }),
  outputSchema: z.object({ project: projectView, files: z.array(fileView) }),
  cost: 0,
  annotations: { readOnly: true, destructive: false, longRunning: false, idempotent: true },
  examples: ["open this project", "what's in the project?", "show me the project details"],
  async execute(context, input) {
    return context.transaction(async (tx) => {
      const project = await getProject(tx, input.projectId);
      const rows = await listFiles(tx, { projectId: project.id });
      return { project: toProjectView(project), files: rows.map(toFileView) };
    });
  },
});
