import { inflateSync } from "node:zlib";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { buildBreakdown } from "../breakdown/build-breakdown.ts";
import type { Breakdown } from "../breakdown-model.ts";
import { categoryStyles } from "../categories.ts";
import { createOfflineExtractor } from "../extract/offline-extractor.ts";
import { parseFountain } from "../fountain/parse-fountain.ts";
import { breakdownSheetsPdf } from "./breakdown-sheets-pdf.ts";

const script = `Title: Owambe Night

EXT. ỌJA MARKET - DAY

MAMA (70), radiant in gold lace and a gele, watches FOLAKE (30s) carry a tray of jollof and suya past an okada. A GOAT bleats.

FOLAKE
Mama, sit down.

INT. KITCHEN - NIGHT

Folake stirs a pot of pepper soup.

EXT. STREET - NIGHT

KUNLE, the gen man, pushes a generator past a danfo.

KUNLE
Diesel don finish.`;

async function readPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  return (await extractText(pdf, { mergePages: false })).text;
}

/** The decompressed content streams of the PDF, to see the colours it paints with. */
function contentStreams(bytes: Uint8Array): string[] {
  const raw = Buffer.from(bytes);
  const streams: string[] = [];
  let at = raw.indexOf("stream\n");
  while (at >= 0) {
    const end = raw.indexOf("\nendstream", at);
    streams.push(inflateSync(raw.subarray(at + 7, end)).toString("latin1"));
    at = raw.indexOf("stream\n", end + 10);
  }
  return streams;
}

/** The fill-colour operator a colour is painted with (channels rounded to 2 decimals, as the writer does). */
function rg(hex: string): string {
  const channels = [1, 3, 5].map(
    (at) => Math.round((Number.parseInt(hex.slice(at, at + 2), 16) / 255) * 100) / 100,
  );
  return `${channels.join(" ")} rg`;
}

async function owambe(): Promise<Breakdown> {
  return buildBreakdown({ screenplay: parseFountain(script), extractor: createOfflineExtractor() });
}

describe("breakdown sheets as PDF", () => {
  it("prints a stripboard, then one sheet per scene with its header and every element in its category box", async () => {
    const breakdown = await owambe();
    const pages = await readPages(breakdownSheetsPdf(breakdown));
    expect(pages).toHaveLength(1 + breakdown.scenes.length);

    const [stripboard = ""] = pages;
    expect(stripboard).toContain("ONE-LINER / STRIPBOARD");
    // The Yoruba Ọ has no glyph in the standard fonts: it is printed as O, not dropped.
    expect(stripboard).toContain("OJA MARKET");
    expect(stripboard).toMatch(/3 scenes, [\d /]+ pages in total/);
    expect(stripboard).toContain("1. FOLAKE");
    expect(stripboard).toMatch(/Day interior\s+Day exterior\s+Night interior\s+Night exterior/);

    for (const [index, scene] of breakdown.scenes.entries()) {
      const sheet = pages[index + 1] ?? "";
      expect(sheet).toMatch(/^BREAKDOWN SHEET Owambe Night/);
      expect(sheet).toContain(`SCENE\n${scene.number}\n`);
      expect(sheet).toContain(`INT/EXT\n${scene.intExt}\n`);
      expect(sheet).toContain(`DAY/NIGHT\n${scene.timeOfDay}\n`);
      expect(sheet).toContain(scene.set.replace("Ọ", "O"));
      for (const style of Object.values(categoryStyles)) expect(sheet).toContain(style.label.toUpperCase());
      expect(scene.elements.length).toBeGreaterThan(0);
      for (const element of scene.elements) expect(sheet).toContain(element.name);
      expect(sheet).toContain(`Page ${index + 2} of ${pages.length}`);
    }
    const market = pages[1] ?? "";
    const number = (name: string) =>
      breakdown.characters.find((character) => character.name === name)?.castNumber ?? 0;
    expect(market).toContain(`CAST MEMBERS\n${number("FOLAKE")}. FOLAKE\n${number("MAMA")}. MAMA\n`);
    expect(market).toMatch(/ANIMALS[\s\S]*goat/i);
  });

  it("paints each category in its conventional colour unless told otherwise, and refuses a colour it cannot print", async () => {
    const breakdown = await owambe();
    const content = contentStreams(breakdownSheetsPdf(breakdown, { colors: { props: "#123456" } })).join(
      "\n",
    );
    expect(content).toContain(rg(categoryStyles.cast.color));
    expect(content).toContain(rg("#123456"));
    expect(content).not.toContain(rg(categoryStyles.props.color));
    // Strips: day exterior yellow, night interior blue, night exterior green.
    for (const strip of ["#fff176", "#90caf9", "#a5d6a7"]) expect(content).toContain(rg(strip));
    expect(() => breakdownSheetsPdf(breakdown, { colors: { props: "purple-ish" } })).toThrow(
      expect.objectContaining({ code: "bad_request:color", message: expect.stringContaining("#rrggbb") }),
    );
  });

  it("continues a crowded scene on the next page without losing an element, on A4 when asked", async () => {
    const breakdown = await owambe();
    const crowded = breakdown.scenes[0];
    if (!crowded) throw new Error("no scene");
    const extras = Array.from({ length: 160 }, (_, index) => `market woman ${index + 1}`);
    crowded.elements.push(
      ...extras.map((name) => ({
        category: "background" as const,
        name,
        source: null,
        origin: "correction" as const,
      })),
    );
    const bytes = breakdownSheetsPdf(breakdown, { paper: "a4" });
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    expect((await pdf.getPage(1)).view).toEqual([0, 0, 595.28, 841.89]);
    const pages = await readPages(bytes);
    expect(pages.length).toBeGreaterThan(1 + breakdown.scenes.length);
    const nextScene = pages.findIndex(
      (page, index) => index > 1 && page.startsWith("BREAKDOWN SHEET Owambe"),
    );
    const sceneOnePages = pages.slice(1, nextScene);
    expect(sceneOnePages.length).toBeGreaterThan(1);
    for (const page of sceneOnePages.slice(1)) {
      expect(page).toMatch(/^BREAKDOWN SHEET: SCENE 1 \(CONTINUED\)/);
      expect(page).toContain("BACKGROUND ACTORS (CONTINUED)");
    }
    const sceneOne = sceneOnePages.join("\n");
    const printed = extras.filter((name) => new RegExp(`${name}\\b`).test(sceneOne));
    expect(printed).toHaveLength(extras.length);
  });
});
