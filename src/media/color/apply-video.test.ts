import { access, writeFile } from "node:fs/promises";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors.ts";
import { runBinary, runFfmpeg } from "../ffmpeg/run.ts";
import { gradeStill } from "./apply-still.ts";
import { gradeVideo } from "./apply-video.ts";
import { compileGrade } from "./compile-grade.ts";
import { formatCube } from "./cube-write.ts";
import type { FfmpegProgress } from "./ffmpeg-progress.ts";
import { presetGrade } from "./presets.ts";
import { extractFrame, previewVideoGrade } from "./preview.ts";
import { probeVideo } from "./probe-video.ts";
import { testFfmpegPaths as paths, pixelDifference, rgbPixels, temporaryFolder } from "./test-fixtures.ts";

async function audioMd5(file: string): Promise<string> {
  const { stdout } = await runFfmpeg(paths, ["-i", file, "-map", "0:a", "-c", "copy", "-f", "md5", "-"]);
  return stdout.toString("utf8").trim();
}

async function expectAppError(promise: Promise<unknown>, code: string, message?: RegExp) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toMatch(message);
}

describe("gradeVideo", () => {
  let folder: Awaited<ReturnType<typeof temporaryFolder>>;
  let source8: string;
  let source10: string;
  const lut = compileGrade(presetGrade("cinematic"));

  beforeAll(async () => {
    folder = await temporaryFolder();
    source8 = join(folder.path, "source8.mov");
    source10 = join(folder.path, "source10.mp4");
    // 4:4:4, nearly lossless, BT.709-tagged: frame comparisons then measure the grade, not chroma subsampling.
    await runFfmpeg(paths, [
      "-f",
      "lavfi",
      "-i",
      "testsrc2=size=320x180:rate=25:duration=2",
      "-f",
      "lavfi",
      "-i",
      "sine=frequency=330:sample_rate=48000:duration=2",
      "-vf",
      "scale=out_color_matrix=bt709:out_range=tv",
      "-c:v",
      "libx264",
      "-qp",
      "0",
      "-pix_fmt",
      "yuv444p",
      "-colorspace",
      "bt709",
      "-color_primaries",
      "bt709",
      "-color_trc",
      "bt709",
      "-color_range",
      "tv",
      "-c:a",
      "pcm_s16le",
      source8,
    ]);
    await runFfmpeg(paths, [
      "-f",
      "lavfi",
      "-i",
      "testsrc2=size=320x180:rate=25:duration=1",
      "-f",
      "lavfi",
      "-i",
      "sine=frequency=440:duration=1",
      "-c:v",
      "libx264",
      "-pix_fmt",
      "yuv420p10le",
      "-preset",
      "ultrafast",
      "-c:a",
      "aac",
      "-shortest",
      source10,
    ]);
  });
  afterAll(() => folder.remove());

  it("grades frames as the still path does, copies audio bit for bit and reports progress", async () => {
    const output = join(folder.path, "graded.mov");
    const progress: FfmpegProgress[] = [];
    const result = await gradeVideo({
      paths,
      input: source8,
      output,
      lut,
      quality: { crf: 0, preset: "ultrafast" },
      onProgress: (report) => progress.push(report),
    });
    expect(result.codec).toBe("h264");
    expect(result.pixelFormat).toBe("yuv444p");
    expect(progress.at(-1)?.fraction).toBe(1);
    expect(progress.length).toBeGreaterThan(0);
    expect(await audioMd5(output)).toBe(await audioMd5(source8));
    for (const atSeconds of [0.2, 1.4]) {
      const before = await extractFrame({ paths, input: source8, atSeconds });
      const expected = await rgbPixels((await gradeStill({ input: before, lut })).data);
      const actual = await rgbPixels(await extractFrame({ paths, input: output, atSeconds }));
      const difference = pixelDifference(actual, expected);
      console.info(
        `video frame at ${atSeconds}s vs still path: mean ${difference.mean.toFixed(3)}, max ${difference.max}`,
      );
      expect(difference.mean).toBeLessThan(1);
      expect(difference.max).toBeLessThanOrEqual(4);
    }
  });

  it("keeps a 10-bit source 10-bit, cuts the frame range and can switch to ProRes 422 HQ or HEVC", async () => {
    const output = join(folder.path, "graded10.mp4");
    await gradeVideo({
      paths,
      input: source10,
      output,
      lut,
      range: { start: 0.2, end: 0.6 },
      quality: { preset: "ultrafast" },
    });
    const probe = await probeVideo(paths, output);
    expect(probe.video.pix_fmt).toBe("yuv420p10le");
    expect(probe.durationSeconds).toBeGreaterThan(0.3);
    expect(probe.durationSeconds).toBeLessThan(0.55);
    expect(probe.audioStreams).toBe(1);
    const prores = join(folder.path, "graded.mov");
    const result = await gradeVideo({
      paths,
      input: source10,
      output: prores,
      lut,
      codec: "prores",
      range: { end: 0.2 },
    });
    const proresProbe = await probeVideo(paths, prores);
    expect(result.pixelFormat).toBe("yuv422p10le");
    expect(proresProbe.video.codec_name).toBe("prores");
    const { stdout } = await runBinary(paths.ffprobe, [
      "-v",
      "error",
      "-show_entries",
      "stream=profile",
      "-select_streams",
      "v",
      "-of",
      "csv=p=0",
      prores,
    ]);
    expect(stdout.toString().trim()).toBe("HQ");
    const hevc = join(folder.path, "graded-hevc.mkv");
    await gradeVideo({
      paths,
      input: source10,
      output: hevc,
      lut,
      codec: "hevc",
      range: { end: 0.2 },
      quality: { preset: "ultrafast" },
    });
    expect((await probeVideo(paths, hevc)).video).toMatchObject({
      codec_name: "hevc",
      pix_fmt: "yuv420p10le",
    });
  });

  it("reads a saved .cube file as is, even one stored without the extension, with the same result", async () => {
    const stored = join(folder.path, "stored-lut-key");
    await writeFile(stored, formatCube(lut));
    const fromLut = join(folder.path, "from-lut.mov");
    const fromFile = join(folder.path, "from-file.mov");
    const range = { end: 0.4 };
    await gradeVideo({ paths, input: source8, output: fromLut, lut, codec: "h264", range });
    await gradeVideo({
      paths,
      input: source8,
      output: fromFile,
      lut: { cubeFile: stored },
      codec: "h264",
      range,
    });
    const videoMd5 = async (file: string) =>
      (await runFfmpeg(paths, ["-i", file, "-map", "0:v", "-f", "md5", "-"])).stdout.toString("utf8").trim();
    expect(await videoMd5(fromFile)).toBe(await videoMd5(fromLut));
    expect(await videoMd5(fromFile)).not.toBe(await videoMd5(source8));
  });

  it("stops on abort and removes the partial file", async () => {
    const controller = new AbortController();
    const output = join(folder.path, "aborted.mov");
    const run = gradeVideo({
      paths,
      input: source8,
      output,
      lut,
      codec: "h264",
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toThrow(/abort/i);
    await expect(access(output)).rejects.toThrow(/ENOENT/);
  });

  it("refuses bad input with clear errors", async () => {
    const audioOnly = join(folder.path, "audio.wav");
    await runFfmpeg(paths, ["-f", "lavfi", "-i", "sine=duration=0.2", audioOnly]);
    await expectAppError(
      gradeVideo({ paths, input: audioOnly, output: join(folder.path, "x.mp4"), lut }),
      "unprocessable:video",
      /no video stream/,
    );
    const garbage = join(folder.path, "garbage.mp4");
    await writeFile(garbage, Buffer.from("this is not a video at all"));
    await expectAppError(
      gradeVideo({ paths, input: garbage, output: join(folder.path, "y.mp4"), lut }),
      "unprocessable:video",
    );
    await expectAppError(
      gradeVideo({ paths, input: source10, output: join(folder.path, "z.mp4"), lut, codec: "prores" }),
      "unsupported_media_type:video",
      /ProRes/,
    );
    await expectAppError(
      gradeVideo({ paths, input: source10, output: join(folder.path, "z.avi"), lut }),
      "unsupported_media_type:video",
    );
    const mjpeg = join(folder.path, "source.avi");
    await runFfmpeg(paths, ["-f", "lavfi", "-i", "testsrc2=size=64x64:duration=0.2", "-c:v", "mjpeg", mjpeg]);
    await expectAppError(
      gradeVideo({ paths, input: mjpeg, output: join(folder.path, "m.mp4"), lut }),
      "unsupported_media_type:video",
      /cannot be kept/,
    );
  });

  it("previews frames with split and side-by-side views and before/after scopes", async () => {
    const [frame] = await previewVideoGrade({ paths, input: source8, lut, atSeconds: [1], scopes: true });
    expect(frame).toBeDefined();
    const split = await sharp(frame!.split).metadata();
    const side = await sharp(frame!.sideBySide).metadata();
    expect([split.width, split.height]).toEqual([320, 180]);
    expect(side.width).toBe(320 * 2 + 8);
    const splitPixels = await rgbPixels(frame!.split);
    const beforePixels = await rgbPixels(frame!.before);
    const afterPixels = await rgbPixels(frame!.after);
    const at = (x: number, y: number) => (y * 320 + x) * 3;
    expect(Array.from(splitPixels.subarray(at(10, 90), at(10, 90) + 3))).toEqual(
      Array.from(beforePixels.subarray(at(10, 90), at(10, 90) + 3)),
    );
    expect(Array.from(splitPixels.subarray(at(300, 90), at(300, 90) + 3))).toEqual(
      Array.from(afterPixels.subarray(at(300, 90), at(300, 90) + 3)),
    );
    for (const scope of ["waveform", "vectorscope", "histogram"] as const) {
      expect((await sharp(frame!.scopes!.before[scope]).metadata()).format).toBe("png");
      expect(frame!.scopes!.before[scope].equals(frame!.scopes!.after[scope])).toBe(false);
    }
  });
});
