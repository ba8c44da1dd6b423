import { z } from "zod";
import { createProject } from "../db/queries/projects.ts";
import { projectView, toProjectView } from "./shared-schemas.ts";
import { defineTool } from "./tool.ts";

export const createProjectTool = defineTool({
  name: "create-project",
  title: "Create a project",
  description: "Creates a new film project with a title (and an optional description). Returns the project.",
  inputSchema: z.object({
    title: z.string().trim().min(1, "give the project a title").max(200),
    description: z.string().max(5000).optional(),
  }),
  outputSchema: z.object({ project: projectView }),
  cost: 0,
  annotations: { readOnly: false, destructive: false, longRunning: false, idempotent: false },
  examples: [
    'create a project called "Eko Nights"',
    "start a new film named Danfo Dreams",
    "make new project",
  ],
  async execute(context, input) {
    const project = await context.transaction((tx) =>
      createProject(tx, { ownerId: context.user.id, ...input }),
    );
    return { project: toProjectView(project) };
  },
});
