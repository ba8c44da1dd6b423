import { spawn } from "node:child_process";
import { AppError } from "../../lib/errors.ts";

/** Where the ffmpeg binaries are; the caller passes it in (media/ reads no configuration). */
export type FfmpegPaths = { ffmpeg: string; ffprobe: string };

export type RunResult = { stdout: Buffer; stderr: string };

/**
 * Runs one ffmpeg-family binary to completion and returns its output. A missing binary becomes
 * `unavailable:ffmpeg`; a non-zero exit becomes `unprocessable:media` carrying the last lines of stderr.
 */
export function runBinary(
  binary: string,
  args: string[],
  options: { input?: Buffer; signal?: AbortSignal } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ["pipe", "pipe", "pipe"], signal: options.signal });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") {
        reject(
          new AppError(
            "unavailable:ffmpeg",
            `${binary} is not installed. Install ffmpeg (Debian: apt-get install ffmpeg) or set FFMPEG_PATH.`,
            { cause: error },
          ),
        );
      } else {
        reject(error);
      }
    });
    child.on("close", (code) => {
      const text = Buffer.concat(stderr).toString("utf8");
      if (code === 0) {
        resolve({ stdout: Buffer.concat(stdout), stderr: text });
        return;
      }
      const tail = text.trim().split("\n").slice(-4).join("\n");
      reject(new AppError("unprocessable:media", `${binary} could not process the file: ${tail}`));
    });
    child.stdin.on("error", () => {
      // ffmpeg may exit before reading all input (bad header); the exit code reports the real failure.
    });
    child.stdin.end(options.input);
  });
}

/** Runs ffmpeg with `-hide_banner -nostdin` prepended and overwriting allowed. */
export function runFfmpeg(paths: FfmpegPaths, args: string[], options: { signal?: AbortSignal } = {}) {
  return runBinary(paths.ffmpeg, ["-hide_banner", "-nostdin", "-y", ...args], options);
}

/** The installed ffmpeg version, or null when it is not available. */
export async function ffmpegVersion(paths: FfmpegPaths): Promise<string | null> {
  try {
    const { stdout } = await runBinary(paths.ffmpeg, ["-version"]);
    return /ffmpeg version (\S+)/.exec(stdout.toString("utf8"))?.[1] ?? "unknown";
  } catch {
    return null;
  }
}
