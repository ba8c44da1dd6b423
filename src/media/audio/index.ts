export { type AudioAnalysis, analyzeAudio, analyzeDecoded } from "./analyze.ts";
export { type BatchItem, type BatchResult, cleanBatch } from "./batch.ts";
export {
  type CleanProgress,
  type CleanReport,
  type CleanRequest,
  cleanAudio,
  type LevelReport,
} from "./clean.ts";
export { type DecodedAudio, decodeAudio, workingSampleRate } from "./decode.ts";
export type { HumDetection, HumLine } from "./hum-detect.ts";
export type { LoudnessMeasurement } from "./loudness.ts";
export {
  type CleanOptions,
  type CleanOptionsInput,
  cleanOptionsSchema,
  loudnessTargets,
  type OutputFormat,
  type OutputFormatInput,
  outputFormatSchema,
} from "./options.ts";
export { previewClean, previewSeconds } from "./preview.ts";
export { defaultZoomLevels, type WaveformJson, waveformPeaks } from "./waveform.ts";
export { type WaveformFiles, writeWaveforms } from "./write-waveforms.ts";
