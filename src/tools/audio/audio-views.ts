import { z } from "zod";
import type { CleanReport, LevelReport } from "../../media/audio/index.ts";

/** A level in dB or LUFS; null when it cannot be measured (silence measures −∞, which JSON cannot hold). */
const level = z.number().nullable();

/** Loudness and noise floor of one side (before or after) of a clean. */
export const levelReportView = z.object({
  integratedLufs: level,
  rangeLu: level,
  truePeakDbtp: level,
  noiseFloorDb: level,
});

/** Before/after waveforms saved as project files: a PNG and an audiowaveform v2 JSON (peaks.js, wavesurfer). */
export const waveformFilesView = z.object({
  pngFileId: z.string(),
  jsonFileId: z.string(),
  samplesPerPixel: z.number(),
});

export const waveformPairView = z.object({ before: waveformFilesView, after: waveformFilesView });

/** The loudness report of a clean, before and after. */
export const cleanReportView = z.object({
  durationSeconds: z.number(),
  channels: z.number(),
  decisions: z.array(z.string()),
  before: levelReportView,
  after: levelReportView,
  loudnessGainDb: z.number(),
});

/** A finite number, or null for −∞/NaN. */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** The JSON-safe view of an engine level report. */
export function toLevelView(report: LevelReport): z.infer<typeof levelReportView> {
  return {
    integratedLufs: finiteOrNull(report.integratedLufs),
    rangeLu: finiteOrNull(report.rangeLu),
    truePeakDbtp: finiteOrNull(report.truePeakDbtp),
    noiseFloorDb: finiteOrNull(report.noiseFloorDb),
  };
}

/** The JSON-safe view of an engine clean report (a gain that could not be measured reads 0). */
export function toCleanReportView(report: CleanReport): z.infer<typeof cleanReportView> {
  return {
    durationSeconds: report.durationSeconds,
    channels: report.channels,
    decisions: report.decisions,
    before: toLevelView(report.before),
    after: toLevelView(report.after),
    loudnessGainDb: Number.isFinite(report.loudnessGainDb) ? report.loudnessGainDb : 0,
  };
}
