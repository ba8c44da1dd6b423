import { AppError } from "../../lib/errors.ts";
import type { FfmpegPaths } from "../ffmpeg/run.ts";
import { cleanChannels } from "./clean-channels.ts";
import { decodeAudio } from "./decode.ts";
import { encodeAudio, replaceVideoAudio } from "./encode.ts";
import { measureLoudness } from "./loudness.ts";
import { levelStatistics } from "./noise-floor.ts";
import {
  type CleanOptionsInput,
  cleanOptionsSchema,
  formatFromFileName,
  type OutputFormatInput,
  outputFormatSchema,
} from "./options.ts";
import { type WaveformFiles, writeWaveforms } from "./write-waveforms.ts";

/** Progress of one clean: percent 0–100 and what is happening. */
export type CleanProgress = { percent: number; stage: string };

export type CleanRequest = {
  input: string;
  output: string;
  options?: CleanOptionsInput;
  /** Defaults to what the output's extension implies. */
  format?: OutputFormatInput;
  /** When set, before/after waveforms (JSON zoom levels and PNG) are written here. */
  waveformsFolder?: string;
  /** Clean only the first seconds (previews). */
  maxSeconds?: number;
  onProgress?: (progress: CleanProgress) => void;
  signal?: AbortSignal;
  /** Force (or forbid) worker threads; by default long multichannel audio uses them. */
  parallel?: boolean;
};

/** Loudness and noise floor of one side of the clean. */
export type LevelReport = {
  integratedLufs: number;
  rangeLu: number;
  truePeakDbtp: number;
  noiseFloorDb: number;
};

export type CleanReport = {
  input: string;
  output: string;
  durationSeconds: number;
  channels: number;
  sampleRate: number;
  decisions: string[];
  before: LevelReport;
  after: LevelReport;
  loudnessGainDb: number;
  waveforms: { before: WaveformFiles; after: WaveformFiles } | null;
  processingSeconds: number;
  realTimeFactor: number;
};

function levels(channels: Float32Array[], sampleRate: number): LevelReport {
  return {
    ...measureLoudness(channels, sampleRate),
    noiseFloorDb: levelStatistics(channels, sampleRate).noiseFloorDb,
  };
}

/**
 * Cleans one file: decode to 48 kHz float, run the planned chain on every channel, normalise
 * loudness with a true-peak limiter, and write the result (or put it back into the video with the
 * picture copied). The output is sample-aligned with the input.
 */
export async function cleanAudio(paths: FfmpegPaths, request: CleanRequest): Promise<CleanReport> {
  const started = performance.now();
  const report = (percent: number, stage: string) =>
    request.onProgress?.({ percent: Math.round(percent), stage });
  const options = cleanOptionsSchema.parse(request.options ?? {});
  const format = request.format
    ? outputFormatSchema.parse(request.format)
    : formatFromFileName(request.output);
  if (!format)
    throw new AppError(
      "bad_request:output",
      `Cannot tell the output format from "${request.output}"; use .wav, .flac, .mp3, .m4a or a video extension.`,
    );
  report(0, "decode");
  const audio = await decodeAudio(paths, request.input, {
    maxSeconds: request.maxSeconds,
    signal: request.signal,
  });
  if (format.container === "video" && !audio.source.hasVideo) {
    throw new AppError(
      "bad_request:output",
      "The input has no picture to put the cleaned audio back into; choose an audio format.",
    );
  }
  const { channels, sampleRate } = audio;
  report(8, "analyse");
  // the input is measured on this thread while the channel workers clean it
  const cleaning = cleanChannels(channels, sampleRate, options, {
    signal: request.signal,
    parallel: request.parallel,
    onProgress: (share, stage) => report(10 + share * 78, stage),
  });
  cleaning.catch(() => {});
  const before = levels(channels, sampleRate);
  const result = await cleaning;
  const cleaned = result.channels;
  const { decisions, loudnessGainDb } = result;
  request.signal?.throwIfAborted();
  report(92, "encode");
  // ffmpeg encodes in its own process while this thread measures the result
  const encoding =
    format.container === "video"
      ? replaceVideoAudio(paths, {
          video: request.input,
          channels: cleaned,
          sampleRate,
          output: request.output,
          signal: request.signal,
        })
      : encodeAudio(paths, { channels: cleaned, sampleRate }, request.output, format, request.signal);
  encoding.catch(() => {});
  // without limiting, the output's levels follow from those measured beside the cleaning
  const after = result.levels ?? levels(cleaned, sampleRate);
  await encoding;
  let waveforms: CleanReport["waveforms"] = null;
  if (request.waveformsFolder) {
    const folder = request.waveformsFolder;
    waveforms = {
      before: await writeWaveforms({ channels, sampleRate, folder, name: "before" }),
      after: await writeWaveforms({ channels: cleaned, sampleRate, folder, name: "after" }),
    };
  }
  report(100, "done");
  const processingSeconds = (performance.now() - started) / 1000;
  return {
    input: request.input,
    output: request.output,
    durationSeconds: audio.duration,
    channels: channels.length,
    sampleRate,
    decisions,
    before,
    after,
    loudnessGainDb,
    waveforms,
    processingSeconds,
    realTimeFactor: audio.duration / processingSeconds,
  };
}
