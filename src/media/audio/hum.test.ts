import { describe, expect, test } from "vitest";
import { cleanChannels } from "./clean-channels.ts";
import { detectHum } from "./hum-detect.ts";
import { cleanOptionsSchema } from "./options.ts";
import { toneAmplitude } from "./testing/measures.ts";
import { humTone } from "./testing/noises.ts";
import { mixAtSnr, recordedSpeech, sampleRate } from "./testing/signals.ts";

const speech = recordedSpeech();
const humOnly = cleanOptionsSchema.parse({
  highPass: { enabled: false },
  noiseReduction: { enabled: false },
  loudness: { enabled: false },
});

describe("hum removal", () => {
  for (const mains of [50, 60] as const) {
    test(`finds ${mains} Hz hum and takes at least 30 dB off each line`, async () => {
      const mix = mixAtSnr(speech, humTone(speech.length, mains), 5);
      const hum = detectHum([mix], sampleRate);
      expect(hum?.mains).toBe(mains);
      expect(hum?.fundamental).toBeCloseTo(mains, 0);
      const { channels } = await cleanChannels([mix], sampleRate, humOnly);
      for (const harmonic of [1, 2, 3, 4, 5]) {
        const frequency = mains * harmonic;
        const before = toneAmplitude(mix, frequency, sampleRate);
        const after = toneAmplitude(channels[0]!, frequency, sampleRate);
        const reductionDb = 20 * Math.log10(before / after);
        console.log(`hum ${mains} Hz, line ${frequency} Hz: reduced by ${reductionDb.toFixed(1)} dB`);
        expect(reductionDb).toBeGreaterThanOrEqual(30);
      }
    });
  }

  test("finds no hum in clean speech", () => {
    expect(detectHum([speech], sampleRate)).toBeNull();
  });
});
