import { z } from "zod";
import { getFile } from "../../db/queries/files.ts";
import { fileIdInput } from "../shared-schemas.ts";
import { defineTool } from "../tool.ts";
import { listGradeVersions } from "./grade-queries.ts";

export const listGradeVersionsTool = defineTool({
  name: "list-grade-versions",
  title: "List the grades of a shot",
  description:
    "Lists every grade rendered for an image or video, newest first: version number, the grade (preset, adjustments, LUT), the graded file and LUT file ids. Use to go back to an earlier grade (undo) or to copy a grade to another shot (pass its spec to grade-media).",
  inputSchema: z.object({ fileId: fileIdInput.describe("the original image or video") }),
  outputSchema: z.object({
    versions: z.array(
      z.object({
        version: z.number(),
        grade: z.record(z.string(), z.unknown()),
        note: z.string(),
        createdAt: z.iso.datetime(),
      }),
    ),
  }),
  cost: 0,
  annotations: { readOnly: true, destructive: false, longRunning: false, idempotent: true },
  examples: [
    "show the grade history",
    "go back to the previous grade",
    "which grades have I done on this shot?",
  ],
  async execute(context, input) {
    const versions = await context.transaction(async (tx) => {
      await getFile(tx, input.fileId);
      return listGradeVersions(tx, input.fileId);
    });
    return {
      versions: versions.map((version) => ({
        version: version.version,
        grade: version.grade,
        note: version.note,
        createdAt: version.createdAt.toISOString(),
      })),
    };
  },
});
