import { spawn } from "node:child_process";
import { AppError } from "../../lib/errors.ts";
import type { FfmpegPaths } from "../ffmpeg/run.ts";

/** One progress report of a running ffmpeg job. */
export type FfmpegProgress = {
  /** 0–1 of the expected output duration (1 when ffmpeg reports the end). */
  fraction: number;
  frame: number;
  outTimeSeconds: number;
  /** Encoding speed relative to real time (e.g. 2.5 for 2.5×), when known. */
  speed: number | undefined;
};

/**
 * Runs ffmpeg with `-progress pipe:1` and reports each progress block. `runFfmpeg` collects output
 * only at the end, so long renders get this spawn instead. Aborting the signal kills ffmpeg and rejects
 * with the signal's reason; a failure is an AppError of `errorCode` carrying the end of stderr.
 */
export function runFfmpegWithProgress(
  paths: FfmpegPaths,
  args: string[],
  options: {
    expectedSeconds: number;
    onProgress?: (progress: FfmpegProgress) => void;
    signal?: AbortSignal;
    errorCode: `unprocessable:${string}`;
  },
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(options.signal.reason);
      return;
    }
    const child = spawn(
      paths.ffmpeg,
      ["-hide_banner", "-nostdin", "-y", "-progress", "pipe:1", "-nostats", ...args],
      { stdio: ["ignore", "pipe", "pipe"], signal: options.signal },
    );
    let pending = "";
    let block: Record<string, string> = {};
    const stderr: string[] = [];
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const separator = line.indexOf("=");
        if (separator < 0) continue;
        const key = line.slice(0, separator).trim();
        block[key] = line.slice(separator + 1).trim();
        if (key !== "progress") continue;
        const outTimeSeconds = Math.max(0, Number(block.out_time_us ?? 0) / 1e6) || 0;
        const speed = Number.parseFloat(block.speed ?? "");
        const done = block.progress === "end";
        const fraction = done
          ? 1
          : options.expectedSeconds > 0
            ? Math.min(0.999, outTimeSeconds / options.expectedSeconds)
            : 0;
        options.onProgress?.({
          fraction,
          frame: Number(block.frame ?? 0) || 0,
          outTimeSeconds,
          speed: Number.isFinite(speed) ? speed : undefined,
        });
        block = {};
      }
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      stderr.push(chunk);
      if (stderr.length > 200) stderr.splice(0, stderr.length - 100);
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      if (options.signal?.aborted) reject(options.signal.reason);
      else if (error.code === "ENOENT") {
        reject(
          new AppError("unavailable:ffmpeg", `${paths.ffmpeg} is not installed; install ffmpeg.`, {
            cause: error,
          }),
        );
      } else reject(error);
    });
    child.on("close", (code) => {
      if (options.signal?.aborted) {
        reject(options.signal.reason);
        return;
      }
      if (code === 0) {
        resolve();
        return;
      }
      const tail = stderr.join("").trim().split("\n").slice(-4).join("\n");
      reject(new AppError(options.errorCode, `ffmpeg could not process the video: ${tail}`));
    });
  });
}
