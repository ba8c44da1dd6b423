import { describe, expect, it } from "vitest";
import { invertMatrix, rec709Primaries, rgbToXyzMatrix, transformVector, xyToXyz } from "./color-matrices.ts";
import { compileGrade, createGradeTransform } from "./compile-grade.ts";
import { identityLut, latticeOffset } from "./lut.ts";
import { gradePresets, presetGrade, presetIdSchema } from "./presets.ts";
import { arriLogC3Transfer, bt1886Transfer } from "./transfer-functions.ts";
import { sceneWhite, temperatureTintForWhite, whiteBalanceMatrix } from "./white-balance.ts";

function maxDifferenceFromIdentity(lut: ReturnType<typeof compileGrade>): number {
  let max = 0;
  for (let b = 0; b < lut.size; b++) {
    for (let g = 0; g < lut.size; g++) {
      for (let r = 0; r < lut.size; r++) {
        const offset = latticeOffset(lut.size, r, g, b);
        const expected = [r, g, b].map((value) => value / (lut.size - 1));
        for (let channel = 0; channel < 3; channel++) {
          max = Math.max(max, Math.abs(lut.data[offset + channel]! - expected[channel]!));
        }
      }
    }
  }
  return max;
}

function gradeColor(grade: Parameters<typeof createGradeTransform>[0], rgb: [number, number, number]) {
  const out: [number, number, number] = [0, 0, 0];
  createGradeTransform(grade)(...rgb, out);
  return out;
}

describe("compileGrade", () => {
  it("compiles the identity grade to an identity LUT (33³ and 65³, Rec.709 and sRGB)", () => {
    for (const size of [33, 65]) {
      expect(maxDifferenceFromIdentity(compileGrade({}, { size }))).toBeLessThan(1 / 1023);
      expect(maxDifferenceFromIdentity(compileGrade({ inputSpace: "srgb" }, { size }))).toBeLessThan(
        1 / 1023,
      );
    }
    expect(maxDifferenceFromIdentity(compileGrade({}))).toBeLessThan(1e-6);
    expect(compileGrade({}, { size: 65 }).data.length).toBe(65 ** 3 * 3);
  });

  it("rejects a LUT size outside 2–129", () => {
    expect(() => compileGrade({}, { size: 1 })).toThrow(/LUT size/);
  });

  it("applies exposure in linear light: +1 stop doubles mid grey", () => {
    const grey = bt1886Transfer.toSignal(0.18);
    const [r] = gradeColor({ exposure: 1 }, [grey, grey, grey]);
    expect(bt1886Transfer.toLinear(r)).toBeCloseTo(0.36, 6);
  });

  it("keeps black, the pivot and white fixed under contrast and stays monotonic", () => {
    const pivot = bt1886Transfer.toSignal(0.18);
    for (const contrast of [0.6, 1.5]) {
      expect(gradeColor({ contrast }, [0, 0, 0])[0]).toBe(0);
      expect(gradeColor({ contrast }, [pivot, pivot, pivot])[0]).toBeCloseTo(pivot, 9);
      expect(gradeColor({ contrast }, [1, 1, 1])[0]).toBeCloseTo(1, 9);
      let previous = -1;
      for (let signal = 0; signal <= 1; signal += 1 / 64) {
        const [value] = gradeColor({ contrast, highlights: 1, shadows: -1 }, [signal, signal, signal]);
        expect(value).toBeGreaterThanOrEqual(previous);
        previous = value;
      }
    }
    const [dark] = gradeColor({ contrast: 1.5 }, [0.3, 0.3, 0.3]);
    expect(dark).toBeLessThan(0.3);
  });

  it("white-balances by chromatic adaptation: warm, cool, magenta and green move grey the right way", () => {
    const grey: [number, number, number] = [0.5, 0.5, 0.5];
    const warm = gradeColor({ temperature: 40 }, grey);
    const cool = gradeColor({ temperature: -40 }, grey);
    const magenta = gradeColor({ tint: 40 }, grey);
    expect(warm[0]).toBeGreaterThan(warm[2]);
    expect(cool[2]).toBeGreaterThan(cool[0]);
    expect(magenta[1]).toBeLessThan(Math.min(magenta[0], magenta[2]));
    expect(gradeColor({ tint: -40 }, grey)[1]).toBeGreaterThan(0.5);
  });

  it("maps the scene white to D65 and finds the sliders back from an illuminant", () => {
    for (const adaptation of ["bradford", "cat02"] as const) {
      const matrix = whiteBalanceMatrix(-60, 25, adaptation);
      const xyz = xyToXyz(...sceneWhite(-60, 25));
      const illuminant = transformVector(invertMatrix(rgbToXyzMatrix(rec709Primaries)), xyz);
      const adapted = transformVector(matrix, illuminant);
      expect(adapted[0] / adapted[1]).toBeCloseTo(1, 6);
      expect(adapted[2] / adapted[1]).toBeCloseTo(1, 6);
      const found = temperatureTintForWhite(illuminant);
      expect(found.temperature).toBeCloseTo(-60, 3);
      expect(found.tint).toBeCloseTo(25, 3);
    }
  });

  it("decodes LogC3 footage to display: 18% grey lands on Rec.709 mid grey, neutral", () => {
    const grey = arriLogC3Transfer.toSignal(0.18);
    const out = gradeColor({ inputSpace: "arri-logc3" }, [grey, grey, grey]);
    expect(out[0]).toBeCloseTo(bt1886Transfer.toSignal(0.18), 5);
    expect(out[1]).toBeCloseTo(out[0], 6);
    const top = gradeColor({ inputSpace: "sony-slog3" }, [1, 1, 1]);
    expect(top[0]).toBeLessThanOrEqual(1);
    expect(top[0]).toBeGreaterThan(0.99);
  });

  it("mixes a creative LUT by its amount", () => {
    const invert = identityLut(17);
    for (let index = 0; index < invert.data.length; index++) invert.data[index] = 1 - invert.data[index]!;
    const color: [number, number, number] = [0.2, 0.4, 0.6];
    expect(gradeColor({ creativeLut: { lut: invert, mix: 0 } }, color)[0]).toBeCloseTo(0.2, 9);
    expect(gradeColor({ creativeLut: { lut: invert, mix: 1 } }, color)[0]).toBeCloseTo(0.8, 6);
    expect(gradeColor({ creativeLut: { lut: invert, mix: 0.5 } }, color)[2]).toBeCloseTo(0.5, 6);
  });

  it("protects skin saturation when asked", () => {
    const skin: [number, number, number] = [0.62, 0.42, 0.3];
    const unprotected = gradeColor({ saturation: 1.6 }, skin);
    const protectedSkin = gradeColor({ saturation: 1.6, skinProtection: 1 }, skin);
    expect(protectedSkin[0] - protectedSkin[2]).toBeLessThan(unprotected[0] - unprotected[2]);
    expect(Math.abs(protectedSkin[0] - skin[0])).toBeLessThan(0.4 * Math.abs(unprotected[0] - skin[0]));
    const sky: [number, number, number] = [0.3, 0.45, 0.7];
    expect(gradeColor({ saturation: 1.6, skinProtection: 1 }, sky)).toEqual(
      gradeColor({ saturation: 1.6 }, sky),
    );
  });

  it("compiles every preset to a LUT that differs from identity; Noir is monochrome", () => {
    for (const id of presetIdSchema.options) {
      expect(gradePresets[id].description.length).toBeGreaterThan(20);
      const lut = compileGrade(presetGrade(id), { size: 17 });
      expect(maxDifferenceFromIdentity(lut)).toBeGreaterThan(0.02);
      for (const value of lut.data) expect(value).toBeGreaterThanOrEqual(0);
    }
    const [r, g, b] = gradeColor(presetGrade("noir"), [0.8, 0.3, 0.1]);
    expect(g).toBeCloseTo(r, 9);
    expect(b).toBeCloseTo(r, 9);
  });

  it("rejects out-of-range parameters with a message naming the field", () => {
    expect(() => compileGrade({ saturation: -1 })).toThrow(/saturation/);
  });
});
