import { execFileSync, spawnSync } from "node:child_process";

/** Integrated loudness and true peak as ffmpeg's ebur128 filter (peak=true) measures them. */
export function ffmpegLoudness(file: string): {
  integratedLufs: number;
  truePeakDbtp: number;
  rangeLu: number;
} {
  const result = spawnSync(
    "ffmpeg",
    ["-hide_banner", "-nostats", "-i", file, "-af", "ebur128=peak=true", "-f", "null", "-"],
    {
      encoding: "utf8",
    },
  );
  const summary = result.stderr.slice(result.stderr.lastIndexOf("Summary:"));
  const number = (pattern: RegExp) => Number(pattern.exec(summary)?.[1]);
  return {
    integratedLufs: number(/I:\s+(-?[\d.]+) LUFS/),
    rangeLu: number(/LRA:\s+(-?[\d.]+) LU/),
    truePeakDbtp: number(/Peak:\s+(-?[\d.]+) dBFS/),
  };
}

/** MD5 of the picture stream's packets, stream-copied: equal only if the picture is bit-exact. */
export function pictureMd5(file: string): string {
  return execFileSync("ffmpeg", ["-v", "error", "-i", file, "-map", "0:v", "-c", "copy", "-f", "md5", "-"], {
    encoding: "utf8",
  }).trim();
}
