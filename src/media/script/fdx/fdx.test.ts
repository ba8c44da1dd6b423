import { describe, expect, it } from "vitest";
import { AppError } from "../../../lib/errors.ts";
import { buildBreakdown } from "../breakdown/build-breakdown.ts";
import type { ElementExtractor } from "../extract/element-extractor.ts";
import { createOfflineExtractor } from "../extract/offline-extractor.ts";
import { parseFountain } from "../fountain/parse-fountain.ts";
import { writeFdx } from "../output/write-fdx.ts";
import { parseFdx } from "./parse-fdx.ts";

const sampleFdx = `<?xml version="1.0" encoding="UTF-8" standalone="no" ?>
<FinalDraft DocumentType="Script" Template="No" Version="4">
  <Content>
    <Paragraph Number="1" Type="Scene Heading"><SceneProperties Length="1 3/8" Page="1" Title=""/><Text>EXT. LAGOS - OSHODI MARKET - DAY</Text></Paragraph>
    <Paragraph Type="Action"><Text>AMAKA (30s), sharp-eyed trader, counts </Text><Text TagNumber="1">naira notes</Text><Text> beside a </Text><Text TagNumber="2">danfo</Text><Text>.</Text></Paragraph>
    <Paragraph><DualDialogue>
      <Paragraph Type="Character"><Text>AMAKA</Text></Paragraph>
      <Paragraph Type="Dialogue"><Text>Pay me my money!</Text></Paragraph>
      <Paragraph Type="Character"><Text>TUNDE (O.S.)</Text></Paragraph>
      <Paragraph Type="Parenthetical"><Text>(laughing)</Text></Paragraph>
      <Paragraph Type="Dialogue"><Text>Tomorrow!</Text></Paragraph>
    </DualDialogue></Paragraph>
    <Paragraph Type="Transition"><Text>CUT TO:</Text></Paragraph>
    <Paragraph Number="2A" Type="Scene Heading"><SceneProperties Length="4/8" Page="2" Title=""/><Text>INT. DANFO - MOVING - NIGHT</Text></Paragraph>
    <Paragraph Type="Shot"><Text>CLOSE ON THE METER</Text></Paragraph>
  </Content>
  <TagData>
    <TagCategories>
      <TagCategory Color="#94AA11150000" Id="cat-props" Name="Props" Number="1" Style="Bold"/>
      <TagCategory Color="#000000000000" Id="cat-vehicles" Name="Vehicles" Number="2" Style="Bold"/>
    </TagCategories>
    <TagDefinitions>
      <TagDefinition CatId="cat-props" Id="def-naira" Label="naira notes" Number="1"/>
      <TagDefinition CatId="cat-vehicles" Id="def-danfo" Label="danfo" Number="2"/>
    </TagDefinitions>
    <Tags>
      <Tag Number="1"><DefId>def-naira</DefId></Tag>
      <Tag Number="2"><DefId>def-danfo</DefId></Tag>
    </Tags>
  </TagData>
</FinalDraft>`;

const noExtraction: ElementExtractor = { name: "none", extract: async (scenes) => scenes.map(() => []) };

describe("parseFdx", () => {
  it("reads paragraphs, scene properties, dual dialogue and tags", async () => {
    const screenplay = parseFdx(sampleFdx);
    expect(screenplay.elements.map((element) => element.type)).toEqual([
      "scene_heading",
      "action",
      "character",
      "dialogue",
      "character",
      "parenthetical",
      "dialogue",
      "transition",
      "scene_heading",
      "shot",
    ]);
    expect(screenplay.elements[0]).toMatchObject({ sceneNumber: "1", eighths: 11, page: 1 });
    expect(screenplay.elements[4]).toMatchObject({ character: "TUNDE", extensions: ["O.S."], dual: "right" });
    expect(screenplay.elements[2]?.dual).toBe("left");
    expect(screenplay.elements[1]?.tags).toEqual([
      { category: "Props", name: "naira notes", start: 39, end: 50 },
      { category: "Vehicles", name: "danfo", start: 60, end: 65 },
    ]);
    const breakdown = await buildBreakdown({ screenplay, extractor: noExtraction });
    expect(breakdown.scenes.map((scene) => [scene.number, scene.eighths])).toEqual([
      ["1", 11],
      ["2A", 4],
    ]);
    expect(
      breakdown.scenes[0]?.elements.map((element) => [element.category, element.name, element.origin]),
    ).toEqual([
      ["props", "naira notes", "script_tag"],
      ["vehicles", "danfo", "script_tag"],
    ]);
  });

  it("says what is wrong and where in malformed XML", () => {
    const broken = sampleFdx.replace("</Paragraph>", "</Paragraf>");
    expect(() => parseFdx(broken)).toThrowError(AppError);
    try {
      parseFdx(broken);
    } catch (error) {
      expect(error).toMatchObject({ code: "unprocessable:screenplay" });
      expect((error as Error).message).toMatch(/Paragraf.*line 4/);
    }
  });

  it("exports a breakdown with TagData that re-parses to the same tags", async () => {
    const source = `Title: Danfo\n\nEXT. OSHODI - DAY\n\nTUNDE (30s) waves a bundle of naira notes at the DANFO. A goat bleats.\n\nTUNDE\nOya!\n\nAMAKA ^\nNo!\n\nINT. DANFO - MOVING - NIGHT\n\nTunde wears an agbada. Smoke fills the bus.`;
    const screenplay = parseFountain(source);
    const breakdown = await buildBreakdown({ screenplay, extractor: createOfflineExtractor() });
    const fdx = writeFdx(screenplay, breakdown);
    const reparsed = parseFdx(fdx);
    expect(reparsed.elements.map((element) => element.text)).toEqual(
      screenplay.elements.map((element) => element.text),
    );
    expect(reparsed.elements.filter((element) => element.dual).map((element) => element.dual)).toEqual([
      "left",
      "left",
      "right",
      "right",
    ]);
    const roundTrip = await buildBreakdown({ screenplay: reparsed, extractor: noExtraction });
    const tagsOf = (scenes: typeof breakdown.scenes) =>
      scenes.map((scene) =>
        scene.elements.map((element) => `${element.category}:${element.name.toLowerCase()}`).sort(),
      );
    expect(tagsOf(roundTrip.scenes)).toEqual(tagsOf(breakdown.scenes));
    expect(tagsOf(breakdown.scenes)[1]).toEqual(
      expect.arrayContaining(["wardrobe:agbada", "special_effects:smoke", "vehicles:danfo"]),
    );
    expect(roundTrip.scenes.map((scene) => scene.eighths)).toEqual(
      breakdown.scenes.map((scene) => scene.eighths),
    );
  });
});
