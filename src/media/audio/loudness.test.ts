import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { cleanAudio } from "./clean.ts";
import { measureLoudness } from "./loudness.ts";
import { ffmpegLoudness } from "./testing/ffmpeg-meter.ts";
import { pinkNoise } from "./testing/noises.ts";
import {
  mixAtSnr,
  recordedSpeech,
  sampleRate,
  systemFfmpeg,
  temporaryFolder,
  writeWav,
} from "./testing/signals.ts";

let folder = "";
let input = "";
let speech: Float32Array = new Float32Array();

beforeAll(() => {
  folder = temporaryFolder();
  speech = recordedSpeech().map((value) => value * 0.3);
  input = join(folder, "dialogue.wav");
  writeWav(input, [
    mixAtSnr(speech, pinkNoise(speech.length), 15),
    mixAtSnr(speech, pinkNoise(speech.length, 9), 15),
  ]);
});

describe("loudness", () => {
  test("our BS.1770 meter agrees with ffmpeg's ebur128 on the input", () => {
    const reference = ffmpegLoudness(input);
    const ours = measureLoudness([speech, speech], sampleRate);
    const mine = measureLoudness(
      [mixAtSnr(speech, pinkNoise(speech.length), 15), mixAtSnr(speech, pinkNoise(speech.length, 9), 15)],
      sampleRate,
    );
    expect(Math.abs(mine.integratedLufs - reference.integratedLufs)).toBeLessThan(0.2);
    expect(Math.abs(mine.truePeakDbtp - reference.truePeakDbtp)).toBeLessThan(0.3);
    expect(ours.integratedLufs).toBeLessThan(mine.integratedLufs + 1);
  });

  for (const [target, lufs] of [
    ["ebu-r128", -23],
    ["podcast", -16],
    ["streaming", -14],
  ] as const) {
    test(`normalises to ${target} (${lufs} LUFS) with true peak at most -1 dBTP, as ffmpeg measures`, async () => {
      const output = join(folder, `${target}.wav`);
      const report = await cleanAudio(systemFfmpeg, { input, output, options: { loudness: { target } } });
      const measured = ffmpegLoudness(output);
      console.log(
        `${target}: ffmpeg I ${measured.integratedLufs} LUFS, TP ${measured.truePeakDbtp} dBTP, LRA ${measured.rangeLu} LU; report`,
        report.after,
      );
      expect(Math.abs(measured.integratedLufs - lufs)).toBeLessThanOrEqual(0.5);
      expect(measured.truePeakDbtp).toBeLessThanOrEqual(-1);
      expect(Math.abs(report.after.integratedLufs - lufs)).toBeLessThanOrEqual(0.5);
      expect(report.before.noiseFloorDb).toBeGreaterThan(
        report.after.noiseFloorDb - (lufs - report.before.integratedLufs),
      );
    });
  }
});
