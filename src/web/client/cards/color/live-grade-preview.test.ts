import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";
import sharp from "sharp";
import { build, type Rolldown } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveGrade } from "../../../../tools/color/live-grade.ts";
import { type ColorStudio, startColorStudio } from "../../../../tools/color/testing/color-studio.ts";
import type * as LivePreviewModules from "./live-preview-test-entry.ts";
import { colourChart } from "./testing/colour-chart.ts";

// The card's whole live chain in real Chromium against the real studio: the preview-grade tool's resolved
// grade → the creative .cube fetched from the files API → compileLiveGrade → the WebGL2 tetrahedral shader,
// compared with the tool's rendered "after" still (≤ 2 code values).
const chromiumPath = "/usr/bin/chromium";
const root = path.resolve(import.meta.dirname, "../../../../..");
type PreviewWindow = { LivePreview?: typeof LivePreviewModules };
let browser: Browser | undefined;
let color: ColorStudio | undefined;
let bundle = "";

/** The card's modules as one browser script, built by Vite as the app is (so no Node module may sneak in). */
async function bundleLivePreview(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "nollyai-live-preview-"));
  try {
    const result = await build({
      configFile: false,
      root,
      logLevel: "silent",
      build: {
        write: false,
        minify: false,
        outDir: folder,
        lib: {
          entry: path.join(import.meta.dirname, "live-preview-test-entry.ts"),
          formats: ["iife"],
          name: "LivePreview",
          fileName: "live-preview",
        },
      },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
    const chunk = outputs[0]?.output.find((file) => file.type === "chunk");
    if (chunk?.type !== "chunk") throw new Error("Vite produced no script");
    return chunk.code;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** A strong creative look as a 17-point `.cube`, written here (not by our writer): curves and a channel mix. */
function creativeCube(): string {
  const size = 17;
  const lines = ["# test look", 'TITLE "Crossed"', `LUT_3D_SIZE ${size}`];
  for (let b = 0; b < size; b++) {
    for (let g = 0; g < size; g++) {
      for (let r = 0; r < size; r++) {
        const [red, green, blue] = [r, g, b].map((value) => value / (size - 1)) as [number, number, number];
        const out = [0.05 + 0.9 * green ** 0.8, 0.5 * blue + 0.5 * red, Math.sqrt(red * blue)];
        lines.push(out.map((value) => value.toFixed(6)).join(" "));
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

const canRun = existsSync(chromiumPath);

beforeAll(async () => {
  if (!canRun) return;
  [browser, color, bundle] = await Promise.all([
    chromium.launch({
      executablePath: chromiumPath,
      args: ["--headless=new", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
    }),
    startColorStudio("live-preview@example.com"),
    bundleLivePreview(),
  ]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await color?.close();
});

describe("the live preview of a grade with a creative .cube", () => {
  it.skipIf(!canRun)(
    "applies the full grade's one LUT and matches the rendered still within 2 code values",
    async () => {
      const studio = color!;
      const frameId = await studio.upload("chart.png", await colourChart(64, 48));
      const cubeId = await studio.upload("crossed.cube", creativeCube());
      const preview = await studio.run("preview-grade", {
        fileId: frameId,
        preset: "teal-orange",
        adjustments: { exposure: 0.15, lift: { b: 0.01 } },
        lutFileId: cubeId,
        lutMix: 0.7,
        scopes: false,
      });
      const live = preview.live as LiveGrade;
      expect(live).toMatchObject({ preset: "cinematic", lut: { fileId: cubeId, mix: 0.7 } });
      const files = preview.files as { before: string; after: string };
      const expected = await sharp(await studio.fileBytes(files.after))
        .removeAlpha()
        .raw()
        .toBuffer();

      const context = await browser!.newContext();
      const baseUrl = studio.harness.baseUrl;
      await context.addCookies(
        studio.client
          .cookieHeader()
          .split("; ")
          .filter(Boolean)
          .map((pair) => {
            const split = pair.indexOf("=");
            return { name: pair.slice(0, split), value: pair.slice(split + 1), url: baseUrl };
          }),
      );
      const tab = await context.newPage();
      await tab.route(`${baseUrl}/live-preview-test`, (route) =>
        route.fulfill({ contentType: "text/html", body: `<!doctype html><script>${bundle}</script>` }),
      );
      await tab.goto(`${baseUrl}/live-preview-test`);
      const rendered = await tab.evaluate(
        async ({ grade, frameUrl }) => {
          const modules = (window as PreviewWindow).LivePreview!;
          const frame = new Image();
          frame.src = frameUrl;
          await frame.decode();
          const creativeLut = await modules.fetchCreativeLut(grade.lut!.fileId);
          const draw = (lut: ReturnType<typeof modules.compileLiveGrade>) => {
            const canvas = document.createElement("canvas");
            const renderer = modules.createLutRenderer(canvas);
            if (!renderer) return null;
            renderer.setImage(frame);
            renderer.setLut(lut);
            renderer.render(0);
            const reader = document.createElement("canvas");
            reader.width = canvas.width;
            reader.height = canvas.height;
            const context2d = reader.getContext("2d");
            context2d?.drawImage(canvas, 0, 0);
            renderer.dispose();
            return Array.from(context2d?.getImageData(0, 0, canvas.width, canvas.height).data ?? []);
          };
          return {
            full: draw(modules.compileLiveGrade({ grade, creativeLut })),
            withoutLook: draw(modules.compileLiveGrade({ grade, creativeLut: null })),
          };
        },
        { grade: live, frameUrl: `/api/files/${files.before}/content` },
      );
      await context.close();
      expect(rendered.full, "WebGL2 is unavailable in this Chromium").not.toBeNull();
      const compare = (pixels: number[]) => {
        let worst = 0;
        let total = 0;
        for (let pixel = 0; pixel < expected.length / 3; pixel++) {
          for (let channel = 0; channel < 3; channel++) {
            const difference = Math.abs(pixels[pixel * 4 + channel]! - expected[pixel * 3 + channel]!);
            worst = Math.max(worst, difference);
            total += difference;
          }
        }
        return { worst, mean: total / expected.length };
      };
      const full = compare(rendered.full!);
      expect(full.worst).toBeLessThanOrEqual(2);
      expect(full.mean).toBeLessThan(1);
      // The creative LUT is really in the preview: leaving it out is far from the render.
      expect(compare(rendered.withoutLook!).worst).toBeGreaterThan(20);
    },
    60_000,
  );
});
