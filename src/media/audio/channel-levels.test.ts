import { describe, expect, test } from "vitest";
import { combinedPower, levelsAfterGain, measureChannel } from "./channel-levels.ts";
import { cleanChannels } from "./clean-channels.ts";
import { measureLoudness } from "./loudness.ts";
import { levelStatistics } from "./noise-floor.ts";
import { normalizeLoudness } from "./normalize-loudness.ts";
import { cleanOptionsSchema } from "./options.ts";
import { pinkNoise, whiteNoise } from "./testing/noises.ts";
import { mixAtSnr, recordedSpeech, sampleRate } from "./testing/signals.ts";

/** The report's levels measured on the audio itself. */
function measured(channels: Float32Array[]) {
  return {
    ...measureLoudness(channels, sampleRate),
    noiseFloorDb: levelStatistics(channels, sampleRate).noiseFloorDb,
  };
}

function expectClose(actual: Record<string, number>, expected: Record<string, number>) {
  for (const key of ["integratedLufs", "rangeLu", "truePeakDbtp", "noiseFloorDb"])
    expect(actual[key], key).toBeCloseTo(expected[key]!, 2);
}

describe("levels after a gain, from the per-channel measurements", () => {
  const speech = recordedSpeech();
  const stereo = [
    mixAtSnr(speech, whiteNoise(speech.length), 10),
    mixAtSnr(speech, pinkNoise(speech.length), 5),
  ];

  test("equal the levels measured on the gained audio", () => {
    const levels = stereo.map((channel) => measureChannel(channel, sampleRate));
    for (const gain of [1, 0.3, 2.5]) {
      const gained = stereo.map((channel) => channel.map((value) => value * gain));
      expectClose(levelsAfterGain(levels, combinedPower(levels), { gain, sampleRate }), measured(gained));
    }
  });

  test("the chain reports them for unlimited output, and leaves limited output to be measured", async () => {
    const unlimited = await cleanChannels(stereo, sampleRate, cleanOptionsSchema.parse({}), {
      parallel: true,
    });
    expect(unlimited.decisions.join(" ")).not.toMatch(/limited/);
    expect(unlimited.levels).not.toBeNull();
    expectClose(unlimited.levels!, measured(unlimited.channels));
    const loud = await cleanChannels(
      stereo,
      sampleRate,
      cleanOptionsSchema.parse({ loudness: { targetLufs: -6 } }),
    );
    expect(loud.decisions.join(" ")).toMatch(/limited/);
    expect(loud.levels).toBeNull();
  });
});

describe("the loudness stage given the measured true peak", () => {
  const speech = recordedSpeech();
  const stereo = [
    mixAtSnr(speech, whiteNoise(speech.length), 10),
    mixAtSnr(speech, pinkNoise(speech.length), 5),
  ];
  const truePeak = Math.max(...stereo.map((channel) => measureChannel(channel, sampleRate).truePeak));

  test("gives the same samples as with the limiter's envelopes, limited or not", () => {
    for (const targetLufs of [-23, -6]) {
      const options = { targetLufs, ceilingDbtp: -1, sampleRate };
      const known = normalizeLoudness(stereo, { ...options, truePeak });
      const envelopes = normalizeLoudness(stereo, options);
      expect(known.limited).toBe(targetLufs === -6);
      expect(known.limited).toBe(envelopes.limited);
      expect(known.gainDb).toBe(envelopes.gainDb);
      for (const [index, channel] of known.channels.entries())
        expect(channel).toEqual(envelopes.channels[index]);
    }
  });
});
