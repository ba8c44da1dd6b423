import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors.ts";
import { gradeStill, gradeStillFile } from "./apply-still.ts";
import { compileGrade } from "./compile-grade.ts";
import { formatCube } from "./cube-write.ts";
import { presetGrade } from "./presets.ts";
import {
  colorChartPixels,
  ffmpegLut3d,
  photoLikePixels,
  pixelDifference,
  pngFromPixels,
  rgbPixels,
  temporaryFolder,
} from "./test-fixtures.ts";
import { sampleLut } from "./tetrahedral.ts";

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe("gradeStill", () => {
  let folder: Awaited<ReturnType<typeof temporaryFolder>>;
  beforeAll(async () => {
    folder = await temporaryFolder();
  });
  afterAll(() => folder.remove());

  const cases = [
    { name: "colour chart", pixels: colorChartPixels(324, 180), width: 324, grade: presetGrade("cinematic") },
    {
      name: "photo-like image",
      pixels: photoLikePixels(320, 180),
      width: 320,
      grade: presetGrade("nollywood-warm"),
    },
    {
      name: "photo-like image, 65³ LogC3 grade",
      pixels: photoLikePixels(320, 180, 11),
      width: 320,
      grade: presetGrade("bleach-bypass", { inputSpace: "arri-logc3" }),
      size: 65,
    },
  ];
  for (const { name, pixels, width, grade, size } of cases) {
    it(`matches ffmpeg lut3d (tetrahedral) on a ${name} within mean 1 / max 3 code values`, async () => {
      const lut = compileGrade(grade, { size: size ?? 33 });
      const png = await pngFromPixels(pixels, width, 180);
      const reference = await ffmpegLut3d(folder.path, png, formatCube(lut));
      const ours = await gradeStill({ input: png, lut });
      expect(ours.format).toBe("png");
      const difference = pixelDifference(await rgbPixels(ours.data), reference);
      console.info(
        `${name}: mean ${difference.mean.toFixed(3)}, max ${difference.max} code values vs ffmpeg`,
      );
      expect(difference.mean).toBeLessThan(1);
      expect(difference.max).toBeLessThanOrEqual(3);
      expect(pixelDifference(await rgbPixels(ours.data), pixels).mean).toBeGreaterThan(2);
    });
  }

  it("keeps 16 bits and alpha, and grades each pixel as the LUT says", async () => {
    const [width, height] = [64, 8];
    const source = new Uint16Array(width * height * 4);
    for (let index = 0; index < width * height; index++) {
      source[index * 4] = (index * 1031) % 65536;
      source[index * 4 + 1] = (index * 509) % 65536;
      source[index * 4 + 2] = (index * 2003) % 65536;
      source[index * 4 + 3] = (index * 97) % 65536;
    }
    const png = await sharp(source, { raw: { width, height, channels: 4 } })
      .toColourspace("rgb16")
      .png()
      .toBuffer();
    const lut = compileGrade(presetGrade("golden-hour"));
    const graded = await gradeStill({ input: png, lut });
    expect(graded.bitDepth).toBe(16);
    const { data, info } = await sharp(graded.data)
      .toColourspace("rgb16")
      .raw({ depth: "ushort" })
      .toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(4);
    const result = new Uint16Array(data.buffer, data.byteOffset, data.length / 2);
    const expected: [number, number, number] = [0, 0, 0];
    for (const index of [0, 17, 200, 511]) {
      sampleLut(
        lut,
        source[index * 4]! / 65535,
        source[index * 4 + 1]! / 65535,
        source[index * 4 + 2]! / 65535,
        expected,
      );
      for (let channel = 0; channel < 3; channel++) {
        expect(Math.abs(result[index * 4 + channel]! - expected[channel]! * 65535)).toBeLessThanOrEqual(1);
      }
      expect(result[index * 4 + 3]).toBe(source[index * 4 + 3]);
    }
    const tiff = await gradeStill({ input: png, lut, format: "tiff" });
    expect((await sharp(tiff.data).metadata()).depth).toBe("ushort");
  });

  it("writes JPEG, WebP and TIFF, picking the format from the file name", async () => {
    const png = await pngFromPixels(photoLikePixels(96, 54), 96, 54);
    const lut = compileGrade(presetGrade("vintage"), { size: 17 });
    for (const [file, format] of [
      ["out.jpg", "jpeg"],
      ["out.webp", "webp"],
      ["out.tif", "tiff"],
    ] as const) {
      const result = await gradeStillFile({
        input: png.length > 0 ? await writeAndPath(folder.path, png) : "",
        output: join(folder.path, file),
        lut,
      });
      expect(result.format).toBe(format);
      expect((await sharp(join(folder.path, file)).metadata()).format).toBe(format);
    }
  });

  it("refuses a corrupt image, a truncated one and an unsupported format with clear errors", async () => {
    const lut = compileGrade({}, { size: 2 });
    await expectAppError(
      gradeStill({ input: Buffer.from("definitely not an image"), lut }),
      "unprocessable:image",
    );
    const png = await pngFromPixels(photoLikePixels(96, 54), 96, 54);
    await expectAppError(
      gradeStill({ input: png.subarray(0, png.length - 200), lut }),
      "unprocessable:image",
    );
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#336699" } })
      .gif()
      .toBuffer();
    await expectAppError(gradeStill({ input: gif, lut }), "unsupported_media_type:image");
    await expectAppError(
      gradeStillFile({ input: "x.png", output: join(folder.path, "out.bmp"), lut }),
      "unsupported_media_type:image",
    );
  });
});

async function writeAndPath(folder: string, png: Buffer): Promise<string> {
  const path = join(folder, "input.png");
  await sharp(png).toFile(path);
  return path;
}
