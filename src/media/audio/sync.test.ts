import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { cleanAudio } from "./clean.ts";
import { cleanOptionsSchema } from "./options.ts";
import { processChannels } from "./parallel.ts";
import { planChain } from "./plan.ts";
import { loadRnnoise, rnnoiseDelay } from "./rnnoise.ts";
import { pictureMd5 } from "./testing/ffmpeg-meter.ts";
import { correlationLag } from "./testing/measures.ts";
import { whiteNoise } from "./testing/noises.ts";
import { rawRnnoise } from "./testing/raw-rnnoise.ts";
import {
  mixAtSnr,
  readMono,
  recordedSpeech,
  sampleRate,
  systemFfmpeg,
  temporaryFolder,
  writeWav,
} from "./testing/signals.ts";

let folder = "";
let mix: Float32Array = new Float32Array();

beforeAll(() => {
  folder = temporaryFolder();
  mix = mixAtSnr(recordedSpeech(), whiteNoise(48000 * 6), 10);
});

describe("sync", { timeout: 180_000 }, () => {
  test("RNNoise trails its input by exactly rnnoiseDelay samples (what the wrapper compensates)", async () => {
    const raw = rawRnnoise(await loadRnnoise(), mix);
    expect(correlationLag(mix, raw, 1500)).toBe(rnnoiseDelay);
  });

  test("every stage on: the output lines up with the input (cross-correlation lag 0)", async () => {
    const input = join(folder, "all-stages.wav");
    const output = join(folder, "all-stages-clean.wav");
    writeWav(input, [mix]);
    const options = {
      noiseReduction: { enabled: true },
      deClick: { enabled: true },
      dereverb: { enabled: true },
      deEss: { enabled: true },
      humRemoval: { enabled: true },
    };
    await cleanAudio(systemFfmpeg, { input, output, options });
    expect(correlationLag(readMono(input), readMono(output), 1200)).toBe(0);
  });

  test("worker threads give the same samples as the main thread", async () => {
    const channels = [mix, mix.map((value) => value * 0.5)];
    const { plan } = planChain(
      channels,
      cleanOptionsSchema.parse({ noiseReduction: { enabled: true } }),
      sampleRate,
    );
    const inThread = await processChannels(channels, plan, { parallel: false });
    const inWorkers = await processChannels(channels, plan, { parallel: true });
    expect(inWorkers).toHaveLength(2);
    expect(Array.from(inWorkers[1]!.subarray(10000, 10100))).toEqual(
      Array.from(inThread[1]!.subarray(10000, 10100)),
    );
    expect(inWorkers[0]!.every((value, index) => value === inThread[0]![index])).toBe(true);
  });

  test("a cleaned video keeps its picture bit-exact and its sound in sync", async () => {
    const audio = join(folder, "take.wav");
    const video = join(folder, "take.mp4");
    const output = join(folder, "take-clean.mp4");
    writeWav(audio, [mix, mix]);
    execFileSync(
      "ffmpeg",
      [
        "-v",
        "error",
        "-y",
        "-f",
        "lavfi",
        "-i",
        "testsrc2=size=320x240:rate=25:duration=6",
        "-i",
        audio,
      ].concat([
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-c:a",
        "aac",
        "-b:a",
        "192k",
        "-shortest",
        video,
      ]),
    );
    const report = await cleanAudio(systemFfmpeg, {
      input: video,
      output,
      options: { noiseReduction: { enabled: true } },
    });
    expect(report.channels).toBe(2);
    expect(pictureMd5(output)).toBe(pictureMd5(video));
    expect(Math.abs(correlationLag(readMono(video), readMono(output), 1200))).toBeLessThanOrEqual(1);
  });
});
