/**
 * Colour-grading throughput, each against a baseline measured in the same run:
 * 1. 1080p video: our `gradeVideo` versus bare ffmpeg running the same `lut3d` graph and encoder
 *    (target ≥ 0.9× the bare throughput), as the job runs it (ffmpeg reads the grade's saved .cube) and
 *    from a `Lut3d` (a temporary .cube is formatted and written first);
 * 2. a 4K still: our `gradeStill` (decode, tetrahedral LUT, encode) versus the same sharp decode and
 *    encode without the LUT.
 * Contenders run interleaved and the best of each is kept. Wall time swings on a shared machine, so the
 * CPU seconds of the child processes (ffmpeg, ffprobe) are reported as well.
 * Run: npx tsx bench/color-grade.bench.ts
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { compileGrade, formatCube, gradeStill, gradeVideo, presetGrade } from "../src/media/color/index.ts";
import { decodeStill, encodeStill } from "../src/media/color/still-io.ts";
import { type FfmpegPaths, runFfmpeg } from "../src/media/ffmpeg/run.ts";

const paths: FfmpegPaths = { ffmpeg: "ffmpeg", ffprobe: "ffprobe" };
const rounds = 3;

type Measure = { wall: number; cpu: number };

/** CPU seconds of this process and its finished children, from /proc/self/stat (utime, stime, cutime, cstime). */
async function cpuSeconds(): Promise<number> {
  const fields = (await readFile("/proc/self/stat", "utf8")).split(") ")[1]!.split(" ");
  return [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0) / 100;
}

async function timed(work: () => Promise<unknown>): Promise<Measure> {
  const startCpu = await cpuSeconds();
  const start = performance.now();
  await work();
  return { wall: (performance.now() - start) / 1000, cpu: (await cpuSeconds()) - startCpu };
}

/** Best wall and CPU time of each contender over interleaved rounds, so load spikes hit both alike. */
async function interleaved<T extends (() => Promise<unknown>)[]>(...contenders: T): Promise<Measure[]> {
  const best = contenders.map(() => ({ wall: Number.POSITIVE_INFINITY, cpu: Number.POSITIVE_INFINITY }));
  for (let round = 0; round < rounds; round++) {
    for (const [index, work] of contenders.entries()) {
      const measure = await timed(work);
      const current = best[index]!;
      best[index] = { wall: Math.min(current.wall, measure.wall), cpu: Math.min(current.cpu, measure.cpu) };
    }
  }
  return best;
}

async function benchVideo(folder: string) {
  const lut = compileGrade(presetGrade("cinematic"));
  const cube = join(folder, "grade.cube");
  await writeFile(cube, formatCube(lut));
  const seconds = 5;
  const frames = seconds * 25;
  const video = join(folder, "source.mp4");
  console.log("generating 5 s of 1080p testsrc2…");
  await runFfmpeg(paths, [
    ...["-f", "lavfi", "-i", `testsrc2=size=1920x1080:rate=25:duration=${seconds}`],
    ...["-f", "lavfi", "-i", `sine=duration=${seconds}`],
    ...["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", video],
  ]);
  // The same graph and encoder settings gradeVideo uses for this (untagged, 8-bit 4:2:0) source.
  const bare = () =>
    runFfmpeg(paths, [
      ...["-i", video, "-map", "0:v:0", "-map", "0:a?", "-vf", `lut3d=file=${cube}:interp=tetrahedral`],
      ...["-c:v", "libx264", "-crf", "18", "-preset", "veryfast", "-pix_fmt", "yuv420p"],
      ...["-c:a", "copy", "-map_metadata", "0", join(folder, "bare.mp4")],
    ]);
  // As the grade-media job runs it: ffmpeg reads the grade's saved .cube (our probe pass included).
  const ours = (lutSource: Parameters<typeof gradeVideo>[0]["lut"]) => () =>
    gradeVideo({
      paths,
      input: video,
      output: join(folder, "ours.mp4"),
      lut: lutSource,
      codec: "h264",
      quality: { crf: 18, preset: "veryfast" },
    });
  await bare();
  const [bareRun, savedCubeRun, lutRun] = (await interleaved(bare, ours({ cubeFile: cube }), ours(lut))) as [
    Measure,
    Measure,
    Measure,
  ];
  console.log(`video 1080p, ${frames} frames (best of ${rounds}, interleaved):`);
  for (const [name, run] of [
    ["bare ffmpeg lut3d                 ", bareRun],
    ["gradeVideo, saved .cube (the job) ", savedCubeRun],
    ["gradeVideo, Lut3d (temporary cube)", lutRun],
  ] as const) {
    console.log(
      `  ${name}: ${run.wall.toFixed(2)} s = ${(frames / run.wall).toFixed(1)} fps; ${run.cpu.toFixed(2)} CPU s; ratio to bare: wall ${(bareRun.wall / run.wall).toFixed(3)}×, CPU ${(bareRun.cpu / run.cpu).toFixed(3)}×`,
    );
  }
  console.log("  (target ≥ 0.9× for the job's path)");
}

async function benchStill(folder: string) {
  const lut = compileGrade(presetGrade("nollywood-warm"));
  const stillPath = join(folder, "still-4k.png");
  await runFfmpeg(paths, [
    ...["-f", "lavfi", "-i", "testsrc2=size=3840x2160", "-frames:v", "1"],
    ...["-vf", "noise=alls=12:allf=t", "-pix_fmt", "rgb24", stillPath],
  ]);
  const png = await readFile(stillPath);
  for (const format of ["png", "jpeg"] as const) {
    const input = format === "png" ? png : await sharp(png).jpeg({ quality: 95 }).toBuffer();
    const baseline = async () => encodeStill(await decodeStill(input), { format });
    await baseline();
    const [baseRun, gradeRun] = (await interleaved(baseline, () => gradeStill({ input, lut }))) as [
      Measure,
      Measure,
    ];
    const lutSeconds = Math.max(1e-3, gradeRun.wall - baseRun.wall);
    console.log(`4K still, ${format} (best of ${rounds}, interleaved):`);
    console.log(`  sharp decode + encode: ${(baseRun.wall * 1000).toFixed(0)} ms`);
    console.log(`  gradeStill:            ${(gradeRun.wall * 1000).toFixed(0)} ms`);
    console.log(
      `  time ratio ours / sharp: ${(gradeRun.wall / baseRun.wall).toFixed(2)}× (LUT ≈ ${(lutSeconds * 1000).toFixed(0)} ms, ${((3840 * 2160) / 1e6 / lutSeconds).toFixed(0)} Mpx/s)`,
    );
  }
}

const folder = await mkdtemp(join(tmpdir(), "nollyai-color-bench-"));
try {
  await benchVideo(folder);
  await benchStill(folder);
} finally {
  await rm(folder, { recursive: true, force: true });
}
