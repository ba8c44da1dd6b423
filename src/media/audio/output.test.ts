import { readFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, test } from "vitest";
import { analyzeAudio } from "./analyze.ts";
import { cleanAudio } from "./clean.ts";
import { decodeAudio } from "./decode.ts";
import { previewClean } from "./preview.ts";
import { humTone, whiteNoise } from "./testing/noises.ts";
import {
  joinWithGaps,
  mixAtSnr,
  recordedSpeech,
  systemFfmpeg,
  temporaryFolder,
  writeWav,
} from "./testing/signals.ts";
import type { WaveformJson } from "./waveform.ts";

let folder = "";
let noisy = "";

beforeAll(() => {
  folder = temporaryFolder();
  const speech = joinWithGaps([recordedSpeech(), recordedSpeech(), recordedSpeech()], 0.2).map(
    (value) => value * 0.1,
  );
  noisy = join(folder, "location.wav");
  const hum = humTone(speech.length, 50);
  writeWav(noisy, [
    mixAtSnr(
      speech,
      whiteNoise(speech.length).map((value, index) => value + 2 * hum[index]!),
      8,
    ),
  ]);
});

describe("analysis", () => {
  test("finds the hum, the noise and the low level, and says what to do", async () => {
    const analysis = await analyzeAudio(systemFfmpeg, noisy);
    expect(analysis.hum?.mains).toBe(50);
    expect(analysis.estimatedSnrDb).toBeLessThan(40);
    expect(analysis.clipping.clippedSamples).toBe(0);
    expect(analysis.suggestions.join("\n")).toMatch(/hum at 50 Hz: enable hum removal/);
    expect(analysis.suggestions.join("\n")).toMatch(/LU below podcast loudness/);
  });

  test("counts clipped samples", async () => {
    const file = join(folder, "clipped.wav");
    writeWav(file, [recordedSpeech().map((value) => Math.max(-1, Math.min(1, value * 20)))]);
    const analysis = await analyzeAudio(systemFfmpeg, file);
    expect(analysis.clipping.clippedSamples).toBeGreaterThan(100);
    expect(analysis.suggestions[0]).toMatch(/clipped samples/);
  });
});

describe("waveforms and preview", () => {
  test("writes audiowaveform v2 peaks at several zoom levels and PNGs, before and after", async () => {
    const report = await cleanAudio(systemFfmpeg, {
      input: noisy,
      output: join(folder, "clean.wav"),
      waveformsFolder: folder,
    });
    const before = report.waveforms?.before;
    expect(before?.json.map((level) => level.samplesPerPixel)).toEqual([256, 1024, 4096, 32768]);
    const peaks = JSON.parse(readFileSync(before!.json[1]!.file, "utf8")) as WaveformJson;
    expect(peaks).toMatchObject({
      version: 2,
      channels: 1,
      sample_rate: 48000,
      samples_per_pixel: 1024,
      bits: 8,
    });
    expect(peaks.data).toHaveLength(peaks.length * 2);
    expect(peaks.length).toBe(Math.ceil((report.durationSeconds * 48000) / 1024));
    expect(Math.max(...peaks.data)).toBeLessThanOrEqual(127);
    const image = await sharp(report.waveforms!.after.png).metadata();
    expect(image).toMatchObject({ format: "png", width: 1800, height: 280 });
  });

  test("a preview cleans only the first 10 seconds", async () => {
    const long = join(folder, "long.wav");
    const audio = await decodeAudio(systemFfmpeg, noisy);
    writeWav(long, [
      Float32Array.from(
        { length: audio.channels[0]!.length * 3 },
        (_, index) => audio.channels[0]![index % audio.channels[0]!.length]!,
      ),
    ]);
    const report = await previewClean(systemFfmpeg, { input: long, output: join(folder, "preview.wav") });
    expect(report.durationSeconds).toBeCloseTo(10, 1);
    expect((await decodeAudio(systemFfmpeg, join(folder, "preview.wav"))).duration).toBeCloseTo(10, 1);
  });

  test("an aborted clean stops with the abort reason", async () => {
    const controller = new AbortController();
    const run = cleanAudio(systemFfmpeg, {
      input: noisy,
      output: join(folder, "aborted.wav"),
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.stage === "high-pass") controller.abort(new Error("cancelled by the user"));
      },
    });
    await expect(run).rejects.toThrow("cancelled by the user");
  });
});
