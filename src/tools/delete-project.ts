import { z } from "zod";
import { deleteProject } from "../storage/delete-project.ts";
import { projectIdInput, projectView, toProjectView } from "./shared-schemas.ts";
import { defineTool } from "./tool.ts";

export const deleteProjectTool = defineTool({
  name: "delete-project",
  title: "Delete a project",
  description:
    "Deletes a project with every file, breakdown, job result and conversation in it. Cannot be undone; the user must approve.",
  inputSchema: z.object({ projectId: projectIdInput }),
  outputSchema: z.object({
    deleted: z.object({
      project: projectView,
      rows: z.record(z.string(), z.number()),
      storedFiles: z.number(),
    }),
  }),
  cost: 0,
  annotations: { readOnly: false, destructive: true, longRunning: false, idempotent: false },
  examples: ["delete this project", "remove the project", "abeg delete this project comot"],
  async execute(context, input) {
    const deletion = await deleteProject({
      transaction: context.transaction,
      storage: context.storage,
      userId: context.user.id,
      projectId: input.projectId,
    });
    return { deleted: { ...deletion, project: toProjectView(deletion.project) } };
  },
});
