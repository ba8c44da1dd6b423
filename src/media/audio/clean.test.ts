import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { cleanChannels } from "./clean-channels.ts";
import { type CleanOptionsInput, cleanOptionsSchema } from "./options.ts";
import { siSdr } from "./testing/measures.ts";
import { babbleNoise, generatorNoise, pinkNoise, roomImpulse, whiteNoise } from "./testing/noises.ts";
import {
  convolve,
  espeak,
  joinWithGaps,
  mixAtSnr,
  recordedSpeech,
  sampleRate,
  temporaryFolder,
} from "./testing/signals.ts";

type Row = { stage: string; speech: string; noise: string; snrIn: string; before: number; after: number };
const rows: Row[] = [];
const speeches: Record<string, Float32Array> = {};

beforeAll(() => {
  speeches.recorded = recordedSpeech();
  speeches.espeak = joinWithGaps(
    [espeak("The generator is too loud, cut the take and move the van.", temporaryFolder())],
    0.4,
  );
});

afterAll(() => {
  const line = (cells: string[]) => `| ${cells.map((cell) => cell.padEnd(11)).join(" | ")} |`;
  const table = [line(["stage", "speech", "noise", "SNR in", "SI-SDR in", "SI-SDR out", "improvement"])];
  for (const row of rows) {
    const gain = Number.isFinite(row.before) ? (row.after - row.before).toFixed(1) : "-";
    table.push(
      line([row.stage, row.speech, row.noise, row.snrIn, row.before.toFixed(1), row.after.toFixed(1), gain]),
    );
  }
  console.log(`\nSI-SDR of the cleaned audio against the clean speech (dB)\n${table.join("\n")}\n`);
});

async function clean(mix: Float32Array, options: CleanOptionsInput = {}) {
  return cleanChannels([mix], sampleRate, cleanOptionsSchema.parse(options));
}

let babble: Float32Array | undefined;
const noises: Record<string, (length: number) => Float32Array> = {
  white: whiteNoise,
  pink: pinkNoise,
  babble: (length) => {
    babble ??= babbleNoise(length);
    return babble;
  },
  generator: generatorNoise,
};
/** Every noise at every SNR on the recorded speech; the acceptance cases on the synthetic speech too. */
const cases = [
  ...Object.keys(noises).map((noise) => ({ speech: "recorded", noise, snrs: [0, 5, 10] })),
  { speech: "espeak", noise: "white", snrs: [5] },
  { speech: "espeak", noise: "pink", snrs: [5] },
];

describe("default chain on noisy dialogue", () => {
  for (const { speech: speechName, noise: noiseName, snrs } of cases) {
    test(`${speechName} speech in ${noiseName} noise at ${snrs.join(", ")} dB`, async () => {
      const speech = speeches[speechName]!;
      for (const snr of snrs) {
        const mix = mixAtSnr(speech, noises[noiseName]!(speech.length), snr);
        const { channels } = await clean(mix);
        const row = {
          stage: "default",
          speech: speechName,
          noise: noiseName,
          snrIn: `${snr} dB`,
          before: siSdr(speech, mix),
          after: siSdr(speech, channels[0]!),
        };
        rows.push(row);
        if ((noiseName === "white" || noiseName === "pink") && snr === 5)
          expect(row.after - row.before).toBeGreaterThanOrEqual(8);
        expect(row.after).toBeGreaterThan(row.before);
      }
    });
  }
});

describe("the chain does no harm", () => {
  test("clean speech through the default chain keeps SI-SDR of at least 20 dB", async () => {
    for (const [speechName, speech] of Object.entries(speeches)) {
      const { channels, decisions } = await clean(speech);
      const score = siSdr(speech, channels[0]!);
      rows.push({
        stage: "default",
        speech: speechName,
        noise: "none",
        snrIn: "clean",
        before: Infinity,
        after: score,
      });
      expect(score, decisions.join(" ")).toBeGreaterThanOrEqual(20);
    }
  });
});

describe("reverb reduction", () => {
  test("suppresses the late reverberation of a T60 0.6 s room", async () => {
    const speech = speeches.recorded!;
    const wet = convolve(speech, roomImpulse(0.6, 0));
    const { channels, decisions } = await clean(wet, {
      dereverb: { enabled: true },
      noiseReduction: { enabled: false },
    });
    const row = {
      stage: "dereverb",
      speech: "recorded",
      noise: "room 0.6 s",
      snrIn: "DRR 0 dB",
      before: siSdr(speech, wet),
      after: siSdr(speech, channels[0]!),
    };
    rows.push(row);
    expect(decisions.join(" ")).toMatch(/Reverb reduction: T60 0\.\d+ s \(estimated\)/);
    expect(row.after - row.before).toBeGreaterThanOrEqual(0.8);
  });
});
