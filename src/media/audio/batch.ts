import { isAppError } from "../../lib/errors.ts";
import type { FfmpegPaths } from "../ffmpeg/run.ts";
import { type CleanProgress, type CleanReport, type CleanRequest, cleanAudio } from "./clean.ts";

/** One file of a batch: where it comes from and goes, with an optional format of its own. */
export type BatchItem = Pick<CleanRequest, "input" | "output" | "format" | "waveformsFolder">;

/** Each file's outcome; a failure is data, so one bad file does not sink the batch. */
export type BatchResult =
  | { input: string; output: string; ok: true; report: CleanReport }
  | { input: string; output: string; ok: false; error: { code: string; message: string } };

/**
 * Cleans many files with the same options, one after another (each clean already uses every
 * core). Progress is reported per file; a file that fails is reported and the batch goes on,
 * except when the whole batch is aborted.
 */
export async function cleanBatch(
  paths: FfmpegPaths,
  request: {
    items: BatchItem[];
    options?: CleanRequest["options"];
    onProgress?: (progress: CleanProgress & { fileIndex: number; fileCount: number }) => void;
    signal?: AbortSignal;
  },
): Promise<BatchResult[]> {
  const results: BatchResult[] = [];
  for (const [fileIndex, item] of request.items.entries()) {
    request.signal?.throwIfAborted();
    try {
      const report = await cleanAudio(paths, {
        ...item,
        options: request.options,
        signal: request.signal,
        onProgress: (progress) =>
          request.onProgress?.({ ...progress, fileIndex, fileCount: request.items.length }),
      });
      results.push({ input: item.input, output: item.output, ok: true, report });
    } catch (error) {
      if (request.signal?.aborted) throw error;
      const code = isAppError(error) ? error.code : "internal:audio";
      const message = error instanceof Error ? error.message : String(error);
      results.push({ input: item.input, output: item.output, ok: false, error: { code, message } });
    }
  }
  return results;
}
