import path from "node:path";
import { z } from "zod";
import { compileGrade, previewStillGrade, previewVideoGrade, type Scopes } from "../../media/color/index.ts";
import { saveGeneratedFile } from "../../storage/save-generated-file.ts";
import { fileIdInput } from "../shared-schemas.ts";
import { defineTool, type ToolContext } from "../tool.ts";
import { gradeSpecShape } from "./grade-spec.ts";
import { liveGradeSchema } from "./live-grade.ts";
import { loadVisualSource } from "./load-source.ts";
import { lookName, lookSlug } from "./look-name.ts";
import { probeGradableVideo } from "./probe-source.ts";
import { gradeOfResolvedSpec, liveGradeOf, resolveGradeSpec } from "./resolve-grade.ts";

const scopeFiles = z.object({ waveform: z.string(), vectorscope: z.string(), histogram: z.string() });

export const previewGradeTool = defineTool({
  name: "preview-grade",
  title: "Preview a colour grade",
  description:
    "Shows a grade on one frame before anything is rendered, for free: saves before, after, a before/after split, a side-by-side and before/after scopes (waveform, vectorscope, histogram) as PNG files of the project. Takes the same grade as grade-media (preset, userPreset, adjustments, lutFileId) and, for a video, the time of the frame. Use it whenever the user wants to see or try a look.",
  inputSchema: z.object({
    fileId: fileIdInput.describe("the image or video to preview the grade on"),
    ...gradeSpecShape,
    atSeconds: z.number().min(0).optional().describe("video only: the frame's time; the middle by default"),
    scopes: z.boolean().default(true).describe("also render waveform, vectorscope and histogram"),
  }),
  outputSchema: z.object({
    sourceFileId: z.string(),
    lookName: z.string(),
    atSeconds: z.number().nullable(),
    files: z.object({ before: z.string(), after: z.string(), split: z.string(), sideBySide: z.string() }),
    scopes: z.object({ before: scopeFiles, after: scopeFiles }).nullable(),
    live: liveGradeSchema.describe("the resolved grade, for the card's live WebGL preview"),
  }),
  cost: 0,
  annotations: { readOnly: false, destructive: false, longRunning: false, idempotent: true },
  examples: [
    "show me how cinematic would look",
    "preview the moody look on this shot",
    "make it warmer and moodier",
    "let me see before and after",
    "how e go look if we make am golden hour?",
    "show me the scopes",
  ],
  async execute(context, input) {
    const { file, localPath } = await loadVisualSource(context, input.fileId);
    const resolved = await resolveGradeSpec({
      transaction: context.transaction,
      storage: context.storage,
      spec: input,
    });
    const lut = compileGrade(gradeOfResolvedSpec(resolved));
    let atSeconds: number | null = null;
    let frame: Awaited<ReturnType<typeof previewStillGrade>>;
    if (file.kind === "video") {
      const { durationSeconds } = await probeGradableVideo({
        paths: context.ffmpeg,
        path: localPath,
        name: file.name,
        codec: "h264",
      });
      atSeconds = Math.min(input.atSeconds ?? durationSeconds / 2, Math.max(0, durationSeconds - 0.05));
      const [first] = await previewVideoGrade({
        paths: context.ffmpeg,
        input: localPath,
        lut,
        atSeconds: [atSeconds],
        scopes: input.scopes,
        ...(context.signal ? { signal: context.signal } : {}),
      });
      if (!first) throw new Error("the preview returned no frame");
      frame = first;
    } else {
      frame = await previewStillGrade({
        paths: context.ffmpeg,
        image: localPath,
        lut,
        scopes: input.scopes,
        ...(context.signal ? { signal: context.signal } : {}),
      });
    }
    const stem = `${path.parse(file.name).name}-preview-${lookSlug(input)}`;
    const save = (view: string, bytes: Buffer) =>
      savePng(context, { projectId: file.projectId, name: `${stem}-${view}.png`, bytes });
    const files = {
      before: await save("before", frame.before),
      after: await save("after", frame.after),
      split: await save("split", frame.split),
      sideBySide: await save("side-by-side", frame.sideBySide),
    };
    const saveScopes = async (side: string, scopes: Scopes) => ({
      waveform: await save(`${side}-waveform`, scopes.waveform),
      vectorscope: await save(`${side}-vectorscope`, scopes.vectorscope),
      histogram: await save(`${side}-histogram`, scopes.histogram),
    });
    const scopes = frame.scopes
      ? {
          before: await saveScopes("before", frame.scopes.before),
          after: await saveScopes("after", frame.scopes.after),
        }
      : null;
    return {
      sourceFileId: file.id,
      lookName: lookName(input),
      atSeconds,
      files,
      scopes,
      live: liveGradeOf(resolved),
    };
  },
});

async function savePng(
  context: ToolContext,
  input: { projectId: string; name: string; bytes: Buffer },
): Promise<string> {
  const saved = await saveGeneratedFile({
    transaction: context.transaction,
    storage: context.storage,
    userId: context.user.id,
    projectId: input.projectId,
    name: input.name,
    kind: "image",
    mimeType: "image/png",
    content: { bytes: input.bytes },
  });
  return saved.id;
}
