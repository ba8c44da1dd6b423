/**
 * Real-time factor of the default audio-cleaning chain on 10 minutes of 48 kHz stereo dialogue
 * in noise, against ffmpeg decoding and re-encoding the same file in the same run. Wall time
 * depends on what else the machine runs, so the CPU seconds spent (this process's threads and the
 * ffmpeg children) and the load average are printed too.
 * Run: npx tsx bench/audio-clean.bench.ts   (AUDIO_BENCH_SECONDS=120 for a shorter input)
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import createRnnoiseModule from "@jitsi/rnnoise-wasm/dist/rnnoise-sync.js";
import { cleanAudio } from "../src/media/audio/index.ts";
import { loadRnnoise, suppressNoise } from "../src/media/audio/rnnoise.ts";
import type { FfmpegPaths } from "../src/media/ffmpeg/run.ts";

const paths: FfmpegPaths = { ffmpeg: "ffmpeg", ffprobe: "ffprobe" };
const seconds = Number(process.env.AUDIO_BENCH_SECONDS ?? 600);
const folder = mkdtempSync(join(tmpdir(), "audio-bench-"));

function ffmpeg(args: string[]): void {
  execFileSync("ffmpeg", ["-v", "error", "-y", ...args]);
}

const voices = [
  "Front_Center",
  "Front_Left",
  "Front_Right",
  "Rear_Center",
  "Rear_Left",
  "Rear_Right",
  "Side_Left",
  "Side_Right",
];
const bed = join(folder, "speech-bed.wav");
ffmpeg([
  ...voices.flatMap((voice) => ["-i", `/usr/share/sounds/alsa/${voice}.wav`]),
  "-filter_complex",
  `${voices.map((_, index) => `[${index}:a]apad=pad_dur=0.4[v${index}]`).join(";")};${voices.map((_, index) => `[v${index}]`).join("")}concat=n=${voices.length}:v=0:a=1`,
  "-ar",
  "48000",
  bed,
]);
const input = join(folder, "dialogue-10min.wav");
ffmpeg([
  "-stream_loop",
  "-1",
  "-i",
  bed,
  "-f",
  "lavfi",
  "-i",
  `anoisesrc=color=pink:amplitude=0.05:sample_rate=48000:duration=${seconds}`,
  "-f",
  "lavfi",
  "-i",
  // mains hum as it is recorded: a 50 Hz fundamental and four harmonics, each 0.7 of the one before
  `aevalsrc=${[1, 2, 3, 4, 5].map((harmonic) => `${(0.7 ** (harmonic - 1)).toFixed(3)}*sin(2*PI*${50 * harmonic}*t+${harmonic})`).join("+")}:sample_rate=48000:duration=${seconds}`,
  "-filter_complex",
  "[1:a]asplit[n1][n2];[n2]adelay=7[n3];[0:a][n1]amix=inputs=2:normalize=0[left];[0:a][n3]amix=inputs=2:normalize=0[right];[left][right]join=inputs=2:channel_layout=stereo[mixed];[2:a]volume=0.01,pan=stereo|c0=c0|c1=c0[hum];[mixed][hum]amix=inputs=2:normalize=0",
  "-t",
  String(seconds),
  "-ar",
  "48000",
  "-c:a",
  "pcm_s16le",
  input,
]);

/** CPU seconds of this process (every thread) and of its finished children (ffmpeg), Linux only for the children. */
function cpuSeconds(): { own: number; children: number } {
  const usage = process.cpuUsage();
  let children = 0;
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
    children = (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    children = Number.NaN;
  }
  return { own: (usage.user + usage.system) / 1e6, children };
}

function measure<Result>(work: () => Result | Promise<Result>) {
  return async () => {
    const cpu = cpuSeconds();
    const started = performance.now();
    const result = await work();
    const after = cpuSeconds();
    return {
      result,
      wall: (performance.now() - started) / 1000,
      cpu: after.own - cpu.own + (after.children - cpu.children),
    };
  };
}

/** Milliseconds RNNoise takes per second of one channel: the published build against ours (SIMD int8 layers). */
async function rnnoisePerChannelSecond() {
  const signal = new Float32Array(48000 * 20).map(
    (_, index) => 0.1 * Math.sin(index * 0.031) + 0.05 * (Math.sin(index * 7.1) % 1),
  );
  const settings = { mix: 1, attenuationLimitDb: 30 };
  const builds = { published: await createRnnoiseModule(), simd: await loadRnnoise() };
  const best = { published: Number.POSITIVE_INFINITY, simd: Number.POSITIVE_INFINITY };
  for (let round = 0; round < 3; round++) {
    for (const name of ["published", "simd"] as const) {
      const started = performance.now();
      suppressNoise(builds[name], signal, settings);
      best[name] = Math.min(best[name], (performance.now() - started) / 20);
    }
  }
  return best;
}

const rnnoise = await rnnoisePerChannelSecond();
const loadBefore = loadavg()[0]!;
const copy = await measure(() =>
  ffmpeg(["-i", input, "-c:a", "pcm_s24le", join(folder, "ffmpeg-copy.wav")]),
)();
const clean = await measure(() => cleanAudio(paths, { input, output: join(folder, "cleaned.wav") }))();
const report = clean.result;
const cores = availableParallelism();

console.log(`input: ${seconds} s of 48 kHz stereo dialogue in pink noise with 50 Hz hum and its harmonics`);
console.log(
  `load average (1 min) before ${loadBefore.toFixed(1)}, after ${loadavg()[0]!.toFixed(1)}, ${cores} cores`,
);
console.log(`decisions: ${report.decisions.join(" | ")}`);
console.log(
  `ffmpeg decode + encode: ${copy.wall.toFixed(2)} s (${(seconds / copy.wall).toFixed(0)}x real time), ${copy.cpu.toFixed(2)} CPU s`,
);
console.log(
  `default chain (decode, clean, loudness, encode): ${clean.wall.toFixed(2)} s, ${clean.cpu.toFixed(2)} CPU s`,
);
console.log(`real-time factor: ${(seconds / clean.wall).toFixed(1)}x (target >= 20x)`);
console.log(`ratio to ffmpeg decode + encode: ${(clean.wall / copy.wall).toFixed(1)}x the time`);
console.log(
  `CPU per second of audio: ${((clean.cpu / seconds) * 1000).toFixed(1)} ms; on ${cores} idle cores at best ${(seconds / (clean.cpu / cores)).toFixed(1)}x real time`,
);
console.log(
  `RNNoise per second of one channel: published build ${rnnoise.published.toFixed(1)} ms, with SIMD int8 layers ${rnnoise.simd.toFixed(1)} ms (${(rnnoise.published / rnnoise.simd).toFixed(2)}x faster, same output)`,
);
console.log(
  `loudness before ${report.before.integratedLufs.toFixed(1)} LUFS, after ${report.after.integratedLufs.toFixed(1)} LUFS, true peak ${report.after.truePeakDbtp.toFixed(1)} dBTP`,
);
rmSync(folder, { recursive: true, force: true });
