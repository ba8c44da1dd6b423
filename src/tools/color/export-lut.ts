import { z } from "zod";
import { compileGrade, formatCube } from "../../media/color/index.ts";
import { saveGeneratedFile } from "../../storage/save-generated-file.ts";
import { fileView, projectIdInput, toFileView } from "../shared-schemas.ts";
import { defineTool } from "../tool.ts";
import { gradeSpecShape } from "./grade-spec.ts";
import { lookName, lookSlug } from "./look-name.ts";
import { resolveGrade } from "./resolve-grade.ts";

export const exportLutTool = defineTool({
  name: "export-lut",
  title: "Export a grade as a .cube LUT",
  description:
    "Writes a grade (preset, userPreset, adjustments, creative LUT) as a .cube 3D LUT file of the project, for DaVinci Resolve, Premiere, Final Cut or ffmpeg. 33-point by default, 65 for the finest. Free. Use when the user wants the LUT itself.",
  inputSchema: z.object({
    projectId: projectIdInput,
    ...gradeSpecShape,
    size: z
      .union([z.literal(33), z.literal(65)])
      .default(33)
      .describe("LUT points per axis: 33 or 65"),
    name: z.string().min(1).max(120).optional().describe("file name without .cube"),
  }),
  outputSchema: z.object({ file: fileView, size: z.number(), lookName: z.string() }),
  cost: 0,
  annotations: { readOnly: false, destructive: false, longRunning: false, idempotent: true },
  examples: [
    "give me the LUT",
    "export the cinematic look as a cube file for Resolve",
    "I want the LUT for premiere",
    "abeg send me the .cube",
    "export a 65 point LUT",
  ],
  async execute(context, input) {
    const grade = await resolveGrade({
      transaction: context.transaction,
      storage: context.storage,
      spec: input,
    });
    const look = lookName(input);
    const lut = compileGrade(grade, { size: input.size, title: `NollyAI ${look}` });
    const saved = await saveGeneratedFile({
      transaction: context.transaction,
      storage: context.storage,
      userId: context.user.id,
      projectId: input.projectId,
      name: `${input.name ?? `nollyai-${lookSlug(input)}-${input.size}`}.cube`,
      kind: "lut",
      mimeType: "text/x-cube-lut",
      content: { bytes: formatCube(lut, { title: `NollyAI ${look}` }) },
    });
    return { file: toFileView(saved), size: input.size, lookName: look };
  },
});
