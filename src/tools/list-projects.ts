import { z } from "zod";
import { listProjects } from "../db/queries/projects.ts";
import { projectView, toProjectView } from "./shared-schemas.ts";
import { defineTool } from "./tool.ts";

export const listProjectsTool = defineTool({
  name: "list-projects",
  title: "List projects",
  description: "Lists the user's film projects, newest activity first, with their ids and titles.",
  inputSchema: z.object({}),
  outputSchema: z.object({ projects: z.array(projectView) }),
  cost: 0,
  annotations: { readOnly: true, destructive: false, longRunning: false, idempotent: true },
  examples: ["show my projects", "which films do I have?", "list all my projects abeg"],
  async execute(context) {
    const rows = await context.transaction((tx) => listProjects(tx));
    return { projects: rows.map(toProjectView) };
  },
});
