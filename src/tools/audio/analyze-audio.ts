import { z } from "zod";
import { getFile } from "../../db/queries/files.ts";
import { analyzeAudio } from "../../media/audio/index.ts";
import { fileIdInput, fileView, toFileView } from "../shared-schemas.ts";
import { defineTool } from "../tool.ts";
import { finiteOrNull, levelReportView } from "./audio-views.ts";
import { probeAudioSource } from "./probe-audio-source.ts";

const level = z.number().nullable();

export const analyzeAudioTool = defineTool({
  name: "analyze-audio",
  title: "Analyse a recording's sound",
  description:
    "Measures what is wrong with the audio of an audio or video file of the project, in seconds and for free: integrated loudness, loudness range and true peak, noise floor, estimated signal-to-noise ratio, mains/generator hum (50 or 60 Hz), clipping and room echo, with plain suggestions of what clean-audio should switch on. Use before cleaning, or when the user asks why the sound is bad or how loud it is.",
  inputSchema: z.object({ fileId: fileIdInput }),
  outputSchema: z.object({
    file: fileView,
    durationSeconds: z.number(),
    channels: z.number(),
    levels: levelReportView,
    speechLevelDb: level,
    estimatedSnrDb: level,
    hum: z
      .object({
        mains: z.union([z.literal(50), z.literal(60)]),
        fundamental: z.number(),
        levelDb: level,
        harmonics: z.number(),
      })
      .nullable(),
    clipping: z.object({ clippedSamples: z.number(), share: z.number() }),
    reverbTimeSeconds: z.number().nullable(),
    suggestions: z.array(z.string()),
  }),
  cost: 0,
  annotations: { readOnly: true, destructive: false, longRunning: false, idempotent: true },
  examples: [
    "analyse the audio",
    "how loud is this recording",
    "is there hum on the interview",
    "why does the sound sound bad",
    "check the audio levels",
    "abeg check if the sound get noise",
    "is the audio clipping",
  ],
  async execute(context, input) {
    const file = await context.transaction((tx) => getFile(tx, input.fileId));
    const localPath = await context.storage.localPath(file.storageKey);
    await probeAudioSource({ paths: context.ffmpeg, path: localPath, file });
    const analysis = await analyzeAudio(context.ffmpeg, localPath, { signal: context.signal });
    return {
      file: toFileView(file),
      durationSeconds: analysis.durationSeconds,
      channels: analysis.channels,
      levels: {
        integratedLufs: finiteOrNull(analysis.loudness.integratedLufs),
        rangeLu: finiteOrNull(analysis.loudness.rangeLu),
        truePeakDbtp: finiteOrNull(analysis.loudness.truePeakDbtp),
        noiseFloorDb: finiteOrNull(analysis.noiseFloorDb),
      },
      speechLevelDb: finiteOrNull(analysis.speechLevelDb),
      estimatedSnrDb: finiteOrNull(analysis.estimatedSnrDb),
      hum: analysis.hum
        ? {
            mains: analysis.hum.mains,
            fundamental: analysis.hum.fundamental,
            levelDb: finiteOrNull(analysis.hum.levelDb),
            harmonics: analysis.hum.lines.length,
          }
        : null,
      clipping: analysis.clipping,
      reverbTimeSeconds: analysis.reverbTimeSeconds,
      suggestions: analysis.suggestions,
    };
  },
});
