import { describe, expect, it } from "vitest";
import { autoBalance } from "./auto-balance.ts";
import { compileGrade } from "./compile-grade.ts";
import { defineGrade } from "./grade-schema.ts";
import { colorStatistics, matchReference } from "./reference-match.ts";
import { colorChartPixels, photoLikePixels, pngFromPixels } from "./test-fixtures.ts";
import { applyLutToPixels } from "./tetrahedral.ts";

const [width, height] = [320, 180];

function graded(pixels: Uint8Array, grade: Parameters<typeof compileGrade>[0], w = width) {
  return applyLutToPixels(
    { data: pixels, width: w, height: pixels.length / 3 / w, channels: 3 },
    compileGrade(grade),
  ).data as Uint8Array;
}

describe("matchReference", () => {
  it("moves the source's Oklab mean and spread onto the reference's", async () => {
    const source = photoLikePixels(width, height, 1);
    const reference = graded(photoLikePixels(width, height, 5), {
      inputSpace: "srgb",
      temperature: -35,
      tint: -10,
      saturation: 0.7,
      contrast: 0.8,
      exposure: -0.3,
    });
    const result = await matchReference({
      source: await pngFromPixels(source, width, height),
      reference: await pngFromPixels(reference, width, height),
    });
    const matched = colorStatistics(
      applyLutToPixels({ data: source, width, height, channels: 3 }, result.lut).data as Uint8Array,
    );
    const before = colorStatistics(source);
    for (let axis = 0; axis < 3; axis++) {
      expect(Math.abs(matched.mean[axis]! - result.reference.mean[axis]!)).toBeLessThan(0.01);
      expect(
        Math.abs(matched.standardDeviation[axis]! - result.reference.standardDeviation[axis]!),
      ).toBeLessThan(0.1 * result.reference.standardDeviation[axis]! + 0.002);
    }
    // The match must have had something to do.
    const moved = [0, 1, 2].map((axis) => Math.abs(before.mean[axis]! - result.reference.mean[axis]!));
    expect(Math.max(...moved)).toBeGreaterThan(0.03);
  });

  it("does nothing at strength 0", async () => {
    const source = await pngFromPixels(photoLikePixels(96, 54, 2), 96, 54);
    const reference = await pngFromPixels(colorChartPixels(96, 54), 96, 54);
    const { lut } = await matchReference({ source, reference, strength: 0, size: 17 });
    for (let index = 0; index < lut.data.length; index += 3) {
      const position = index / 3;
      expect(lut.data[index]).toBeCloseTo((position % 17) / 16, 5);
    }
  });
});

describe("autoBalance", () => {
  it("finds a colour cast and returns a grade that neutralises the greys", async () => {
    const chart = colorChartPixels(324, 180);
    const cast = graded(chart, { inputSpace: "srgb", temperature: -50, tint: 20 }, 324);
    const result = await autoBalance({ image: await pngFromPixels(cast, 324, 180) });
    expect(result.grade.temperature).toBeGreaterThan(20);
    const corrected = graded(cast, defineGrade({ ...result.grade, exposure: 0 }), 324);
    // The grey ramp of the chart (rows 120–149) must come back neutral where the cast did not clip it.
    let worst = 0;
    for (let x = 30; x < 190; x += 5) {
      const offset = (135 * 324 + x) * 3;
      const [r, g, b] = [corrected[offset]!, corrected[offset + 1]!, corrected[offset + 2]!];
      worst = Math.max(worst, Math.abs(r - g), Math.abs(b - g));
    }
    expect(worst).toBeLessThanOrEqual(4);
    const castWorst = Math.abs(cast[(135 * 324 + 160) * 3]! - cast[(135 * 324 + 160) * 3 + 2]!);
    expect(castWorst).toBeGreaterThan(10);
  });

  it("sets exposure from the picture: one stop darker asks for one stop more", async () => {
    const photo = photoLikePixels(width, height, 4);
    const normal = await autoBalance({ image: await pngFromPixels(photo, width, height) });
    const dark = await autoBalance({
      image: await pngFromPixels(graded(photo, { inputSpace: "srgb", exposure: -1 }), width, height),
    });
    expect(dark.grade.exposure! - normal.grade.exposure!).toBeCloseTo(1, 1);
    expect(Math.abs(dark.grade.temperature! - normal.grade.temperature!)).toBeLessThan(2);
  });
});
