import { describe, expect, it } from "vitest";
import { parseCharacterCue } from "../character-cue.ts";
import { fixtureNames, parseWithAwParser, readFixture } from "../testing/fixtures.ts";
import { parseFountain } from "./parse-fountain.ts";

const normaliseHeading = (text: string) =>
  text.toUpperCase().replace(/[*_]/g, "").replace(/\s+/g, " ").trim();

describe("parseFountain against aw-parser on the shared screenplays", () => {
  for (const name of fixtureNames) {
    it(`${name}: finds every scene heading and the same speaking characters`, () => {
      const source = readFixture(name);
      const reference = parseWithAwParser(source);
      const ours = parseFountain(source);
      const referenceHeadings = reference
        .filter((token) => token.type === "scene_heading")
        .map((token) => normaliseHeading(token.text));
      const ourHeadings = ours.elements
        .filter((element) => element.type === "scene_heading")
        .map((element) => normaliseHeading(element.text));
      let cursor = 0;
      for (const heading of referenceHeadings) {
        cursor = ourHeadings.indexOf(heading, cursor);
        expect(cursor, `heading ${heading}`).toBeGreaterThanOrEqual(0);
        cursor += 1;
      }
      // We also read EXT/INT sluglines, which aw-parser leaves as action.
      const extra = ourHeadings.filter((heading) => !referenceHeadings.includes(heading));
      expect(extra.every((heading) => heading.startsWith("EXT/INT"))).toBe(true);
      const referenceCharacters = new Set(
        reference
          .filter((token) => token.type === "character")
          .map((token) => parseCharacterCue(token.text).name),
      );
      const ourCharacters = new Set(
        ours.elements.flatMap((element) =>
          element.type === "character" && element.character ? [element.character] : [],
        ),
      );
      const common = [...ourCharacters].filter((character) => referenceCharacters.has(character)).length;
      const precision = common / ourCharacters.size;
      const recall = common / referenceCharacters.size;
      const f1 = (2 * precision * recall) / (precision + recall);
      console.info(
        `${name}: ${ourHeadings.length} headings (aw-parser ${referenceHeadings.length}), character F1 ${f1.toFixed(3)}`,
      );
      expect(f1).toBeGreaterThanOrEqual(0.98);
    });
  }
});

describe("parseFountain syntax", () => {
  const source = `Title: _**Test**_
Author: Someone

# Act One
= The hero wakes.

INT. HOUSE - DAY #12A#

.FLASHBACK

...and so it begins.

!FORCED ACTION LINE

STEVE (V.O.)
(quietly)
Hello **there**.

@McCLANE
Yippee.

BRICK
Screw it.

STEEL ^
Screw it.

> THE END <

>FADE OUT

~La la la

[[a note]] /* boneyard */

===

CUT TO:`;
  const elements = parseFountain(source).elements;
  const types = elements.map((element) => element.type);

  it("reads every element type", () => {
    expect(parseFountain(source).titlePage).toEqual([
      { key: "Title", value: "Test" },
      { key: "Author", value: "Someone" },
    ]);
    expect(types).toEqual([
      "section",
      "synopsis",
      "scene_heading",
      "scene_heading",
      "action",
      "action",
      "character",
      "parenthetical",
      "dialogue",
      "character",
      "dialogue",
      "character",
      "dialogue",
      "character",
      "dialogue",
      "centered",
      "transition",
      "lyrics",
      "note",
      "page_break",
      "transition",
    ]);
  });

  it("keeps scene numbers, forced marks, extensions, dual sides and emphasis", () => {
    expect(elements[2]).toMatchObject({ text: "INT. HOUSE - DAY", sceneNumber: "12A", sceneIndex: 0 });
    expect(elements[3]).toMatchObject({ text: "FLASHBACK", forced: true, sceneIndex: 1 });
    expect(elements[4]?.text).toBe("...and so it begins.");
    expect(elements[5]).toMatchObject({ text: "FORCED ACTION LINE", forced: true });
    expect(elements[6]).toMatchObject({ character: "STEVE", extensions: ["V.O."] });
    expect(elements[8]).toMatchObject({
      text: "Hello there.",
      emphasis: [{ style: "bold", start: 6, end: 11 }],
    });
    expect(elements[9]).toMatchObject({ character: "MCCLANE", forced: true });
    expect(elements[11]?.dual).toBe("left");
    expect(elements[13]).toMatchObject({ character: "STEEL", dual: "right" });
    expect(elements[15]?.text).toBe("THE END");
    expect(elements[18]?.text).toBe("a note");
  });
});
