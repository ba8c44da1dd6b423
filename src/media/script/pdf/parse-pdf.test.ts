import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBreakdown } from "../breakdown/build-breakdown.ts";
import { createOfflineExtractor } from "../extract/offline-extractor.ts";
import { parseFountain } from "../fountain/parse-fountain.ts";
import { paginate } from "../pagination/paginate.ts";
import type { Screenplay } from "../screenplay-model.ts";
import {
  fixtureNames,
  readFixture,
  renderWithAfterwriting,
  screenplaysDirectory,
} from "../testing/fixtures.ts";
import { parsePdf } from "./parse-pdf.ts";

const directory = mkdtempSync(path.join(tmpdir(), "script-pdf-"));
const pdfs = new Map<string, Uint8Array>();

beforeAll(async () => {
  await Promise.all(
    fixtureNames.map(async (name) => {
      const pdf = path.join(directory, `${name}.pdf`);
      await renderWithAfterwriting(path.join(screenplaysDirectory, `${name}.fountain`), pdf);
      pdfs.set(name, new Uint8Array(readFileSync(pdf)));
    }),
  );
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const headings = (screenplay: Screenplay) =>
  screenplay.elements
    .filter((element) => element.type === "scene_heading")
    .map((element) => element.text.toUpperCase().replace(/\s+/g, " "));
const speakers = (screenplay: Screenplay) =>
  [
    ...new Set(
      screenplay.elements.flatMap((element) =>
        element.type === "character" && element.character ? [element.character] : [],
      ),
    ),
  ].sort();

describe("parsePdf on afterwriting renders of the shared screenplays", () => {
  for (const name of fixtureNames) {
    it(`${name}: same scenes and characters as the Fountain; pagination within 2% of the PDF`, async () => {
      const fountain = parseFountain(readFixture(name));
      const pdf = await parsePdf(pdfs.get(name) ?? new Uint8Array());
      expect(headings(pdf)).toEqual(headings(fountain));
      expect(speakers(pdf)).toEqual(speakers(fountain));
      expect(pdf.elements.filter((element) => element.type === "character")).toHaveLength(
        fountain.elements.filter((element) => element.type === "character").length,
      );
      // afterwriting numbers only the headings it recognises (not EXT/INT), so count the margin numbers it printed.
      const numbers = pdf.elements.flatMap((element) =>
        element.type === "scene_heading" && element.sceneNumber ? [element.sceneNumber] : [],
      );
      expect(numbers).toEqual(numbers.map((_number, index) => String(index + 1)));
      expect(numbers.length).toBeGreaterThanOrEqual(headings(pdf).length - 2);
      expect(pdf.titlePage[0]?.key).toBe("Title");
      const pagination = paginate(fountain);
      const pdfPages = pdf.sourcePageCount ?? 0;
      console.info(
        `${name}: afterwriting PDF ${pdfPages} pages, our pagination ${pagination.totalPages} (incl. title page)`,
      );
      expect(Math.abs(pagination.totalPages - pdfPages) / pdfPages).toBeLessThanOrEqual(0.02 + 1e-9);
    });
  }

  it("measures scenes from the PDF's own pages", async () => {
    const pdf = await parsePdf(pdfs.get("brick-and-steel") ?? new Uint8Array());
    const breakdown = await buildBreakdown({ screenplay: pdf, extractor: createOfflineExtractor() });
    expect(breakdown.pageCount).toBe(3);
    expect(breakdown.scenes[0]).toMatchObject({
      page: 1,
      intExt: "EXT",
      set: "BRICK'S PATIO",
      timeOfDay: "DAY",
    });
    expect(breakdown.scenes.at(-1)?.page).toBe(3);
    expect(breakdown.scenes.every((scene) => scene.eighths >= 1)).toBe(true);
  });
});
