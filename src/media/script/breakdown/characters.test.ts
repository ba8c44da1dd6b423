import { describe, expect, it } from "vitest";
import { jointSpeakers } from "../character-cue.ts";
import { createOfflineExtractor } from "../extract/offline-extractor.ts";
import { parseScreenplay } from "../parse-screenplay.ts";
import { readFixture } from "../testing/fixtures.ts";
import { buildBreakdown } from "./build-breakdown.ts";

const breakdownOf = async (source: string) =>
  buildBreakdown({
    screenplay: await parseScreenplay({
      bytes: new TextEncoder().encode(source),
      fileName: "draft.fountain",
    }),
    extractor: createOfflineExtractor(),
  });

describe("joint cues", () => {
  it("splits a cue only when every part speaks under a cue of their own", () => {
    const cues = new Set(["EDWARD", "WILL", "TUNDE", "BISI", "SALT AND PEPPER"]);
    expect(jointSpeakers("EDWARD AND WILL", cues)).toEqual(["EDWARD", "WILL"]);
    expect(jointSpeakers("TUNDE & BISI", cues)).toEqual(["TUNDE", "BISI"]);
    expect(jointSpeakers("TUNDE/BISI", cues)).toEqual(["TUNDE", "BISI"]);
    expect(jointSpeakers("SALT AND PEPPER", cues)).toBeUndefined();
    expect(jointSpeakers("EDWARD AND THE GIANT", cues)).toBeUndefined();
  });

  it("credits each speaker of a joint cue in its scene and makes no cast member of the pair", async () => {
    const breakdown = await breakdownOf(
      [
        "INT. MAMA PUT'S STALL - DAY",
        "",
        "TUNDE",
        "Oya, serve me.",
        "",
        "EXT. DANFO PARK - NIGHT",
        "",
        "BISI",
        "We go late.",
        "",
        "TUNDE & BISI",
        "Danfo don go!",
        "",
      ].join("\n"),
    );
    const names = breakdown.characters.map((character) => character.name);
    expect(names).toEqual(expect.arrayContaining(["TUNDE", "BISI"]));
    expect(names).not.toContain("TUNDE & BISI");
    const tunde = breakdown.characters.find((character) => character.name === "TUNDE");
    expect(tunde?.sceneKeys).toHaveLength(2);
    expect(breakdown.scenes[1]?.speaking).toEqual(expect.arrayContaining(["TUNDE", "BISI"]));
    expect(breakdown.scenes[1]?.speaking).not.toContain("TUNDE & BISI");
    const elementNames = breakdown.scenes.flatMap((scene) => scene.elements.map((element) => element.name));
    expect(elementNames.some((name) => /&/.test(name))).toBe(false);
  });

  it("finds no 'EDWARD AND WILL' in Big Fish", async () => {
    const breakdown = await breakdownOf(readFixture("big-fish"));
    const names = breakdown.characters.map((character) => character.name);
    expect(names).toEqual(expect.arrayContaining(["EDWARD", "WILL"]));
    expect(names).not.toContain("EDWARD AND WILL");
  });
});
