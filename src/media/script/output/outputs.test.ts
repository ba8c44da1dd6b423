import { describe, expect, it } from "vitest";
import { buildBreakdown } from "../breakdown/build-breakdown.ts";
import { breakdownSchema } from "../breakdown-model.ts";
import { formatEighths, parseEighths } from "../eighths.ts";
import { createOfflineExtractor } from "../extract/offline-extractor.ts";
import { parseFountain } from "../fountain/parse-fountain.ts";
import { breakdownJson } from "./breakdown-json.ts";
import { breakdownSheetsHtml } from "./breakdown-sheets-html.ts";
import { castList } from "./cast-list.ts";
import { breakdownCsvByCategory, csvField } from "./csv.ts";
import { dayOutOfDays } from "./day-out-of-days.ts";
import { oneLiner } from "./one-liner.ts";

const script = `Title: Owambe Night

EXT. COMPOUND - DAY

MAMA (70), radiant in gold lace, watches FOLAKE (30s), her daughter, carry a tray of "small chops", jollof and suya.

FOLAKE
Mama, sit down.

INT. KITCHEN - NIGHT

Folake stirs a pot.

EXT. COMPOUND - NEXT DAY

Mama sweeps. Folake sleeps in a plastic chair.

EXT. STREET - DAY

KUNLE, the gen man, pushes a generator.

KUNLE
Diesel don finish.

EXT. COMPOUND - DAY

FOLAKE
Kunle!`;

describe("outputs", () => {
  it("writes JSON, CSV, sheets, one-liner, cast list and day-out-of-days", async () => {
    const breakdown = await buildBreakdown({
      screenplay: parseFountain(script),
      extractor: createOfflineExtractor(),
    });
    expect(breakdownSchema.parse(JSON.parse(breakdownJson(breakdown))).scenes).toHaveLength(5);
    expect(breakdown.scenes.map((scene) => scene.storyDay)).toEqual([1, 1, 2, 2, 2]);
    expect(breakdown.characters.find((character) => character.name === "MAMA")).toMatchObject({
      speaking: false,
      age: "70",
      description: "radiant in gold lace",
    });

    expect(csvField('tray of "small chops", jollof')).toBe('"tray of ""small chops"", jollof"');
    const props = breakdownCsvByCategory(breakdown).props;
    expect(props.split("\r\n")[0]).toBe("Category,Scene,Heading,Page,Element,Quote");
    expect(props).toContain("jollof");

    const html = breakdownSheetsHtml(breakdown, { colors: { props: "#123456" } });
    expect(html).toContain(".cast{--colour:#d32f2f}");
    expect(html).toContain(".props{--colour:#123456}");
    expect(html.match(/class="sheet"/g)).toHaveLength(5);

    const strips = oneLiner(breakdown);
    expect(strips[0]).toMatchObject({ scene: "1", intExt: "EXT", set: "COMPOUND", dayNight: "D" });
    expect(strips[1]?.dayNight).toBe("N");
    expect(formatEighths(11)).toBe("1 3/8");
    expect(parseEighths("1 3/8")).toBe(11);

    const cast = castList(breakdown);
    const folake = cast.find((row) => row.name === "FOLAKE");
    expect(folake).toMatchObject({ castNumber: 1, sceneCount: 4, firstScene: "1", lastScene: "5" });

    const dood = dayOutOfDays(breakdown);
    expect(dood.days).toEqual([1, 2]);
    expect(dood.rows.find((row) => row.name === "KUNLE")?.codes).toEqual(["", "SWF"]);
    expect(dood.rows.find((row) => row.name === "FOLAKE")?.codes).toEqual(["SW", "WF"]);
  });
});

describe("character introductions", () => {
  it("reads age and description from `NAME (60s), description`", async () => {
    const screenplay = parseFountain(
      "EXT. PATIO - DAY\n\nBRICK BRADDOCK (60s), retired police detective, sits.\n\nBRICK\nBeer?",
    );
    const breakdown = await buildBreakdown({ screenplay, extractor: createOfflineExtractor() });
    expect(breakdown.characters).toEqual([
      expect.objectContaining({
        name: "BRICK",
        age: "60s",
        description: "retired police detective",
        variants: ["BRICK", "BRICK BRADDOCK"],
      }),
    ]);
  });
});
