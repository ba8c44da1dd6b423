import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { getFile } from "../../db/queries/files.ts";
import { previewClean, previewSeconds } from "../../media/audio/index.ts";
import { saveGeneratedFile } from "../../storage/save-generated-file.ts";
import { fileIdInput } from "../shared-schemas.ts";
import { defineTool } from "../tool.ts";
import { cleanReportView, toCleanReportView, waveformPairView } from "./audio-views.ts";
import { cleanChoicesShape } from "./clean-request-input.ts";
import { cleanedFileType } from "./output-format.ts";
import { parseCleanOptions } from "./parse-clean-options.ts";
import { probeAudioSource } from "./probe-audio-source.ts";
import { saveWaveforms } from "./save-waveforms.ts";

export const previewCleanTool = defineTool({
  name: "preview-clean",
  title: "Preview an audio clean",
  description: `Cleans only the first ${previewSeconds} seconds of an audio or video file, in a few seconds and for free, with the same options as clean-audio (noise, hum, de-click, de-ess, dereverb for hall echo, loudness target). Saves the cleaned preview as a project audio file (WAV) with before/after waveforms, and returns the loudness report, so the user can compare before and after (A/B) before paying for the full clean-audio.`,
  inputSchema: z.object({ fileId: fileIdInput, ...cleanChoicesShape }),
  outputSchema: z.object({
    sourceFileId: z.string(),
    previewFileId: z.string(),
    previewSeconds: z.number(),
    waveforms: waveformPairView,
    report: cleanReportView,
  }),
  cost: 0,
  annotations: { readOnly: false, destructive: false, longRunning: false, idempotent: false },
  examples: [
    "preview the clean",
    "let me hear how the cleaned audio go sound",
    "try the noise removal on the first few seconds",
    "preview removing the hall echo",
    "show me before and after for the audio",
  ],
  async execute(context, input) {
    const options = parseCleanOptions(input);
    const file = await context.transaction((tx) => getFile(tx, input.fileId));
    const localPath = await context.storage.localPath(file.storageKey);
    await probeAudioSource({ paths: context.ffmpeg, path: localPath, file });
    const format = { container: "wav" as const, bitDepth: 16 as const };
    const output = cleanedFileType({
      sourceName: file.name,
      sourceMimeType: file.mimeType,
      format,
      suffix: "preview",
    });
    const directory = await mkdtemp(path.join(os.tmpdir(), "nollyai-preview-"));
    try {
      const outputPath = path.join(directory, output.name);
      const report = await previewClean(context.ffmpeg, {
        input: localPath,
        output: outputPath,
        options,
        format,
        waveformsFolder: directory,
        ...(context.signal ? { signal: context.signal } : {}),
      });
      if (!report.waveforms) throw new Error("the preview wrote no waveforms");
      const saveContext = {
        transaction: context.transaction,
        storage: context.storage,
        userId: context.user.id,
        projectId: file.projectId,
      };
      const saved = await saveGeneratedFile({ ...saveContext, ...output, content: { path: outputPath } });
      return {
        sourceFileId: file.id,
        previewFileId: saved.id,
        previewSeconds: report.durationSeconds,
        waveforms: await saveWaveforms(saveContext, report.waveforms, path.parse(output.name).name),
        report: toCleanReportView(report),
      };
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  },
});
