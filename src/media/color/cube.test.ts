import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors.ts";
import { runFfmpeg } from "../ffmpeg/run.ts";
import { compileGrade } from "./compile-grade.ts";
import { parseCube } from "./cube-import.ts";
import { formatCube } from "./cube-write.ts";
import { buildLut } from "./lut.ts";
import { presetGrade } from "./presets.ts";
import {
  photoLikePixels,
  pixelDifference,
  pngFromPixels,
  rgbPixels,
  temporaryFolder,
  testFfmpegPaths,
} from "./test-fixtures.ts";
import { applyLutToPixels, sampleLut } from "./tetrahedral.ts";

function expectLutError(text: string, message: RegExp) {
  try {
    parseCube(text);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("unprocessable:lut");
    expect((error as AppError).message).toMatch(message);
    return;
  }
  throw new Error("expected the .cube to be rejected");
}

const tinyCube = (rows: string[]) => ['TITLE "tiny"', "LUT_3D_SIZE 2", ...rows].join("\n");
const identityRows = ["0 0 0", "1 0 0", "0 1 0", "1 1 0", "0 0 1", "1 0 1", "0 1 1", "1 1 1"];

describe(".cube import and export", () => {
  let folder: Awaited<ReturnType<typeof temporaryFolder>>;
  beforeAll(async () => {
    folder = await temporaryFolder();
  });
  afterAll(() => folder.remove());

  it("exports and re-imports bit for bit, including tiny, negative and odd-domain values", () => {
    const lut = compileGrade(presetGrade("cinematic"), { size: 33, title: "Cinematic" });
    const back = parseCube(formatCube(lut));
    expect(back.size).toBe(33);
    expect(back.title).toBe("Cinematic");
    expect(Buffer.from(back.data.buffer).equals(Buffer.from(lut.data.buffer))).toBe(true);
    const odd = {
      ...lut,
      domainMin: [-0.125, 0, 0.001] as [number, number, number],
      domainMax: [1.5, 1, 2] as [number, number, number],
    };
    odd.data = lut.data.map((value, index) => (index % 7 === 0 ? value * 1e-9 - 0.3 : value + 1 / 3));
    const oddBack = parseCube(formatCube(odd));
    expect(Array.from(oddBack.data)).toEqual(Array.from(odd.data));
    expect(oddBack.domainMin).toEqual([-0.125, 0, 0.001]);
  });

  it("reads a hand-written file with comments, CRLF, tabs, exponents and DOMAIN lines, red fastest", () => {
    // An analytic LUT over the domain [0, 2], written in a different style from ours.
    const size = 9;
    const lines = [
      "# written by hand",
      'TITLE "Analytic"',
      "",
      "LUT_3D_SIZE\t9",
      "DOMAIN_MIN 0 0 0",
      "DOMAIN_MAX 2.0 2.0 2.0",
    ];
    for (let b = 0; b < size; b++)
      for (let g = 0; g < size; g++)
        for (let r = 0; r < size; r++) {
          const [x, y, z] = [r, g, b].map((value) => (value / (size - 1)) * 2);
          lines.push(
            `${(x! / 2).toExponential(6)}\t${(y! / 4).toFixed(6)}   ${(1 - z! / 2).toFixed(6)}  # row`,
          );
        }
    const lut = parseCube(lines.join("\r\n"));
    expect(lut.title).toBe("Analytic");
    expect(lut.domainMax).toEqual([2, 2, 2]);
    const out: [number, number, number] = [0, 0, 0];
    sampleLut(lut, 1.3, 0.7, 0.25, out);
    expect(out[0]).toBeCloseTo(0.65, 5);
    expect(out[1]).toBeCloseTo(0.175, 5);
    expect(out[2]).toBeCloseTo(0.875, 5);
  });

  it("expands a 1D LUT and bakes a Resolve shaper + cube", () => {
    const oneD = [
      "LUT_1D_SIZE 5",
      ...[0, 0.25, 0.5, 0.75, 1].map((v) => `${v ** 2} ${v} ${Math.sqrt(v)}`),
    ].join("\n");
    const expanded = parseCube(oneD);
    const out: [number, number, number] = [0, 0, 0];
    sampleLut(expanded, 0.5, 0.5, 0.25, out);
    expect(out).toEqual([0.25, 0.5, 0.5]);
    const shaped = parseCube(
      ["LUT_1D_SIZE 2", "LUT_1D_INPUT_RANGE 0 4", "LUT_3D_SIZE 2", "0 0 0", "1 1 1", ...identityRows].join(
        "\n",
      ),
    );
    expect(shaped.domainMax).toEqual([4, 4, 4]);
    sampleLut(shaped, 2, 1, 4, out);
    expect(out[0]).toBeCloseTo(0.5, 6);
    expect(out[1]).toBeCloseTo(0.25, 6);
    expect(out[2]).toBeCloseTo(1, 6);
  });

  it("names the line of each fault", () => {
    expectLutError(
      tinyCube([...identityRows.slice(0, 4), "0 0", ...identityRows.slice(5)]),
      /^Line 7: expected 3 numbers, got 2/,
    );
    expectLutError(tinyCube([...identityRows.slice(0, 7), "1 x 1"]), /^Line 10: "x" is not a number/);
    expectLutError(tinyCube([...identityRows.slice(0, 7), "1 1 NaN"]), /^Line 10: "NaN" is not a number/);
    expectLutError(
      tinyCube(["0 0 0", "7.5 0 0", ...identityRows.slice(2)]),
      /^Line 4: value 7.5 is out of the LUT's domain/,
    );
    expectLutError(
      tinyCube(identityRows.slice(0, 7)),
      /^Size mismatch: LUT_3D_SIZE 2 expects 2³ = 8 rows, got 7/,
    );
    expectLutError(tinyCube([...identityRows, "1 1 1"]), /^Line 11: more rows than the 8/);
    expectLutError(["LUT_3D_SIZE 1.5"].join("\n"), /^Line 1: LUT_3D_SIZE must be one whole number/);
    expectLutError(["0 0 0"].join("\n"), /^Line 1: table data before LUT_3D_SIZE/);
    expectLutError("hello", /no LUT_3D_SIZE/);
    expectLutError(
      tinyCube([...identityRows.slice(0, 2), "DOMAIN_MIN 0 0 0", ...identityRows.slice(2)]),
      /^Line 5: keyword DOMAIN_MIN after/,
    );
    expectLutError(
      ["LUT_3D_SIZE 2", "DOMAIN_MIN 1 0 0", ...identityRows].join("\n"),
      /domain minimum must be below/,
    );
  });

  it("imports a LUT written by an independent program (ffmpeg's Hald CLUT) and applies it as ffmpeg does", async () => {
    // ffmpeg builds an identity Hald CLUT (level 8: 64³) and grades it with its own `curves` and `hue`
    // filters; that picture is a LUT made without our code. Converted to .cube, it must grade an image the
    // way ffmpeg's `haldclut` filter does.
    const hald = join(folder.path, "hald.png");
    await runFfmpeg(testFfmpegPaths, [
      "-f",
      "lavfi",
      "-i",
      "haldclutsrc=8",
      "-frames:v",
      "1",
      "-vf",
      "curves=preset=vintage,hue=h=25:s=1.2",
      "-pix_fmt",
      "rgb24",
      hald,
    ]);
    const haldPixels = await rgbPixels(hald);
    const size = 64;
    const lut = buildLut(size, (r, g, b, out) => {
      const index = (Math.round(b * 63) * size * size + Math.round(g * 63) * size + Math.round(r * 63)) * 3;
      out[0] = haldPixels[index]! / 255;
      out[1] = haldPixels[index + 1]! / 255;
      out[2] = haldPixels[index + 2]! / 255;
    });
    const cubePath = join(folder.path, "hald.cube");
    await writeFile(cubePath, formatCube(lut));
    const imported = parseCube(await readFile(cubePath, "utf8"));

    const [width, height] = [320, 180];
    const source = photoLikePixels(width, height, 3);
    const sourcePath = join(folder.path, "source.png");
    await writeFile(sourcePath, await pngFromPixels(source, width, height));
    const expectedPath = join(folder.path, "haldclut.png");
    await runFfmpeg(testFfmpegPaths, [
      "-i",
      sourcePath,
      "-i",
      hald,
      "-filter_complex",
      "[0][1]haldclut=interp=tetrahedral",
      "-frames:v",
      "1",
      "-pix_fmt",
      "rgb24",
      expectedPath,
    ]);
    const ours = applyLutToPixels({ data: source, width, height, channels: 3 }, imported);
    const difference = pixelDifference(ours.data, await rgbPixels(expectedPath));
    expect(difference.mean).toBeLessThan(1);
    expect(difference.max).toBeLessThanOrEqual(3);
  });
});
