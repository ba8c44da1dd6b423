import path from "node:path";
import { z } from "zod";
import { getFile } from "../../db/queries/files.ts";
import { AppError } from "../../lib/errors.ts";
import { extractFrame, formatCube, matchReference } from "../../media/color/index.ts";
import { saveGeneratedFile } from "../../storage/save-generated-file.ts";
import { fileIdInput, fileView, toFileView } from "../shared-schemas.ts";
import { defineTool } from "../tool.ts";
import { gradeSpecShape } from "./grade-spec.ts";
import { loadVisualSource } from "./load-source.ts";
import { probeGradableVideo } from "./probe-source.ts";

const vector = z.tuple([z.number(), z.number(), z.number()]);
const statisticsView = z.object({ mean: vector, standardDeviation: vector });

export const matchToReferenceTool = defineTool({
  name: "match-to-reference",
  title: "Match a shot to a reference still",
  description:
    "Makes a grade that gives a shot (image or video) the colour and contrast of a reference still (a photo, a frame from a film), by transferring colour statistics in the Oklab perceptual space. Saves it as a .cube LUT file of the project; pass that file as lutFileId to preview-grade or grade-media to see or render it. Free.",
  inputSchema: z.object({
    fileId: fileIdInput.describe("the shot to grade"),
    referenceFileId: fileIdInput.describe("the still whose look to copy"),
    strength: z.number().min(0).max(1).default(1).describe("1 matches fully, 0.5 goes half way"),
    inputColorSpace: gradeSpecShape.inputColorSpace,
    atSeconds: z
      .number()
      .min(0)
      .optional()
      .describe("video only: the frame to measure; the middle by default"),
  }),
  outputSchema: z.object({
    lutFile: fileView,
    source: statisticsView,
    reference: statisticsView,
  }),
  cost: 0,
  annotations: { readOnly: false, destructive: false, longRunning: false, idempotent: true },
  examples: [
    "grade it like this photo",
    "make my shot look like the reference",
    "match the colour to this still from the film",
    "make am resemble this picture",
  ],
  async execute(context, input) {
    const { file, localPath } = await loadVisualSource(context, input.fileId);
    const reference = await context.transaction((tx) => getFile(tx, input.referenceFileId));
    if (reference.kind !== "image") {
      throw new AppError("unprocessable:file", `The reference "${reference.name}" must be a still image.`);
    }
    let source: Buffer | string = localPath;
    if (file.kind === "video") {
      const { durationSeconds } = await probeGradableVideo({
        paths: context.ffmpeg,
        path: localPath,
        name: file.name,
        codec: "h264",
      });
      source = await extractFrame({
        paths: context.ffmpeg,
        input: localPath,
        atSeconds: Math.min(input.atSeconds ?? durationSeconds / 2, Math.max(0, durationSeconds - 0.05)),
        maxWidth: 640,
      });
    }
    const matched = await matchReference({
      source,
      reference: await context.storage.localPath(reference.storageKey),
      sourceSpace: input.inputColorSpace,
      strength: input.strength,
    });
    const title = `Match ${path.parse(reference.name).name}`;
    const saved = await saveGeneratedFile({
      transaction: context.transaction,
      storage: context.storage,
      userId: context.user.id,
      projectId: file.projectId,
      name: `${path.parse(file.name).name}-match-${path.parse(reference.name).name}.cube`,
      kind: "lut",
      mimeType: "text/x-cube-lut",
      content: { bytes: formatCube(matched.lut, { title }) },
    });
    return { lutFile: toFileView(saved), source: matched.source, reference: matched.reference };
  },
});
