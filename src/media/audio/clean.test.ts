import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { cleanAudio } from "./clean.ts";
import { siSdr } from "./testing/measures.ts";
import { babbleNoise, generatorNoise, pinkNoise, roomImpulse, whiteNoise } from "./testing/noises.ts";
import { convolve, espeak, joinWithGaps, mixAtSnr, readMono, recordedSpeech, systemFfmpeg, temporaryFolder, writeWav } from "./testing/signals.ts";

type Row = { stage: string; speech: string; noise: string; snrIn: number; before: number; after: number };
const rows: Row[] = [];
let folder = "";
const speeches: Record<string, Float32Array> = {};

beforeAll(() => {
  folder = temporaryFolder();
  speeches.recorded = recordedSpeech();
  speeches.espeak = joinWithGaps([espeak("The generator is too loud, cut the take and move the van.", folder)], 0.4);
});

afterAll(() => {
  const line = (cells: string[]) => `| ${cells.map((cell) => cell.padEnd(10)).join(" | ")} |`;
  const table = [line(["stage", "speech", "noise", "SNR in", "SI-SDR in", "SI-SDR out", "improvement"])];
  for (const row of rows) {
    table.push(line([row.stage, row.speech, row.noise, `${row.snrIn} dB`, row.before.toFixed(1), row.after.toFixed(1), (row.after - row.before).toFixed(1)]));
  }
  console.log(`\nSI-SDR of the cleaned audio against the clean speech (dB)\n${table.join("\n")}\n`);
});

async function cleanMix(name: string, mix: Float32Array, options: Parameters<typeof cleanAudio>[1]["options"] = {}) {
  const input = join(folder, `${name}.wav`);
  const output = join(folder, `${name}-clean.wav`);
  writeWav(input, [mix]);
  const report = await cleanAudio(systemFfmpeg, { input, output, options });
  return { output: readMono(output), report };
}

const noises = {
  white: whiteNoise,
  pink: pinkNoise,
  babble: (length: number) => babbleNoise(length),
  generator: generatorNoise,
};

describe("default chain on noisy dialogue", () => {
  for (const speechName of ["recorded", "espeak"]) {
    for (const [noiseName, makeNoise] of Object.entries(noises)) {
      test(`${speechName} speech in ${noiseName} noise at 0, 5 and 10 dB`, async () => {
        const speech = speeches[speechName]!;
        for (const snr of [0, 5, 10]) {
          const mix = mixAtSnr(speech, makeNoise(speech.length), snr);
          const { output } = await cleanMix(`${speechName}-${noiseName}-${snr}`, mix);
          const row = { stage: "default", speech: speechName, noise: noiseName, snrIn: snr, before: siSdr(speech, mix), after: siSdr(speech, output) };
          rows.push(row);
          if ((noiseName === "white" || noiseName === "pink") && snr === 5) expect(row.after - row.before).toBeGreaterThanOrEqual(8);
          expect(row.after).toBeGreaterThan(row.before);
        }
      });
    }
  }
});

describe("the chain does no harm", () => {
  test("clean speech through the default chain keeps SI-SDR of at least 20 dB", async () => {
    for (const [speechName, speech] of Object.entries(speeches)) {
      const { output, report } = await cleanMix(`${speechName}-clean`, speech);
      const score = siSdr(speech, output);
      rows.push({ stage: "default", speech: speechName, noise: "none", snrIn: Infinity, before: Infinity, after: score });
      expect(score, report.decisions.join(" ")).toBeGreaterThanOrEqual(20);
    }
  });
});

describe("reverb reduction", () => {
  test("suppresses the late reverberation of a T60 0.6 s room", async () => {
    const speech = speeches.recorded!;
    const wet = convolve(speech, roomImpulse(0.6, 0));
    const { output, report } = await cleanMix("reverb", wet, { dereverb: { enabled: true }, noiseReduction: { enabled: false } });
    const row = { stage: "dereverb", speech: "recorded", noise: "room 0.6 s", snrIn: 0, before: siSdr(speech, wet), after: siSdr(speech, output) };
    rows.push(row);
    expect(report.decisions.join(" ")).toMatch(/Reverb reduction: T60/);
    expect(row.after - row.before).toBeGreaterThanOrEqual(0.8);
  });
});
