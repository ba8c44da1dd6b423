import { z } from "zod";
import { listFiles } from "../db/queries/files.ts";
import { getProject } from "../db/queries/projects.ts";
import { fileKinds } from "../db/schema/files.ts";
import { fileView, projectIdInput, toFileView } from "./shared-schemas.ts";
import { defineTool } from "./tool.ts";

export const listFilesTool = defineTool({
  name: "list-files",
  title: "List files",
  description:
    "Lists the files of a project (screenplays, images, audio, video, 3D models, LUTs, documents), optionally of one kind.",
  inputSchema: z.object({ projectId: projectIdInput, kind: z.enum(fileKinds).optional() }),
  outputSchema: z.object({ files: z.array(fileView) }),
  cost: 0,
  annotations: { readOnly: true, destructive: false, longRunning: false, idempotent: true },
  examples: [
    "what files do I have?",
    "list the audio files",
    "show me my uploads",
    "which videos are in the project",
  ],
  async execute(context, input) {
    const rows = await context.transaction(async (tx) => {
      await getProject(tx, input.projectId);
      return listFiles(tx, input);
    });
    return { files: rows.map(toFileView) };
  },
});
