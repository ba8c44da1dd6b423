import { describe, expect, it } from "vitest";
import { invertMatrix, rec709Primaries, rgbToXyzMatrix, transformVector } from "./color-matrices.ts";
import { inputColorSpaces } from "./color-spaces.ts";
import {
  arriLogC3Transfer,
  bt1886Transfer,
  panasonicVLogTransfer,
  sonySLog3Transfer,
  srgbTransfer,
} from "./transfer-functions.ts";

// 10-bit code values for 18% grey and 90% white published by ARRI (LogC3 EI 800), Sony (S-Log3) and Panasonic (V-Log).
const published = [
  { name: "ARRI LogC3 EI 800", transfer: arriLogC3Transfer, grey: 400, white: 572 },
  { name: "Sony S-Log3", transfer: sonySLog3Transfer, grey: 420, white: 598 },
  { name: "Panasonic V-Log", transfer: panasonicVLogTransfer, grey: 433, white: 602 },
];

describe("camera log curves", () => {
  for (const { name, transfer, grey, white } of published) {
    it(`${name} puts 18% grey at ${grey} and 90% white at ${white} (10-bit), within 0.5%`, () => {
      expect(Math.abs(transfer.toSignal(0.18) * 1023 - grey) / grey).toBeLessThan(0.005);
      expect(Math.abs(transfer.toSignal(0.9) * 1023 - white) / white).toBeLessThan(0.005);
    });

    it(`${name} decodes what it encodes, across the toe and the log segment`, () => {
      for (const linear of [0, 0.001, 0.005, 0.02, 0.18, 0.9, 4, 20]) {
        expect(transfer.toLinear(transfer.toSignal(linear))).toBeCloseTo(linear, 9);
      }
    });
  }

  it("decodes camera gamuts so that neutral stays neutral in Rec.709", () => {
    for (const space of ["arri-logc3", "sony-slog3", "panasonic-vlog"] as const) {
      const white = transformVector(inputColorSpaces[space].toWorking, [1, 1, 1]);
      for (const channel of white) expect(channel).toBeCloseTo(1, 4);
    }
  });
});

describe("display curves", () => {
  it("sRGB and BT.1886 invert exactly and hit their anchor points", () => {
    expect(srgbTransfer.toSignal(0.0031308)).toBeCloseTo(0.04045, 5);
    expect(bt1886Transfer.toLinear(0.5)).toBeCloseTo(0.5 ** 2.4, 12);
    for (let signal = 0; signal <= 1; signal += 0.05) {
      expect(srgbTransfer.toSignal(srgbTransfer.toLinear(signal))).toBeCloseTo(signal, 12);
      expect(bt1886Transfer.toSignal(bt1886Transfer.toLinear(signal))).toBeCloseTo(signal, 12);
    }
  });

  it("derives the published Rec.709 RGB → XYZ matrix from the primaries", () => {
    const matrix = rgbToXyzMatrix(rec709Primaries);
    const expected = [0.4124, 0.3576, 0.1805, 0.2126, 0.7152, 0.0722, 0.0193, 0.1192, 0.9505];
    for (const [index, value] of matrix.entries()) expect(value).toBeCloseTo(expected[index]!, 3);
    const back = transformVector(invertMatrix(matrix), transformVector(matrix, [0.2, 0.5, 0.9]));
    expect(back[2]).toBeCloseTo(0.9, 12);
  });
});
