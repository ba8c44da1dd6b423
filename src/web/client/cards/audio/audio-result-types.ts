import type { z } from "zod";
import type { analyzeAudioTool } from "../../../../tools/audio/analyze-audio.ts";
import type { levelReportView, waveformPairView } from "../../../../tools/audio/audio-views.ts";
import type { CleanAudioOutput } from "../../../../tools/audio/clean-audio/clean-audio-input.ts";
import type { previewCleanTool } from "../../../../tools/audio/preview-clean.ts";

/** Result shapes of the audio tools, taken from their schemas (types only). */
export type LevelReport = z.infer<typeof levelReportView>;
export type WaveformPair = z.infer<typeof waveformPairView>;
export type AudioAnalysisResult = z.infer<typeof analyzeAudioTool.outputSchema>;
export type PreviewCleanResult = z.infer<typeof previewCleanTool.outputSchema>;
export type { CleanAudioOutput };

/** The URL that streams a project file. */
export function fileUrl(fileId: string): string {
  return `/api/files/${fileId}/content`;
}
