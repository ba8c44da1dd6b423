import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";
import sharp from "sharp";
import { transformWithOxc } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileGrade, gradeStill, presetGrade } from "../../../../media/color/index.ts";
import type { createLutRenderer } from "./lut-renderer.ts";
import { colourChart } from "./testing/colour-chart.ts";

// The live preview must show what the render writes: the WebGL2 canvas against the still path, ≤ 2 code values.
const chromiumPath = "/usr/bin/chromium";
const root = path.resolve(import.meta.dirname, "../../../../..");
const origin = "http://color-preview.test";
const page = `<!doctype html><script type="module">
import { createLutRenderer } from "/src/web/client/cards/color/lut-renderer.ts";
window.createLutRenderer = createLutRenderer;
</script>`;
type PreviewWindow = { createLutRenderer?: typeof createLutRenderer };
let browser: Browser | undefined;

beforeAll(async () => {
  if (!existsSync(chromiumPath)) return;
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless=new", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
  });
});
afterAll(() => browser?.close());

describe("the live WebGL2 preview", () => {
  it.skipIf(!existsSync(chromiumPath))(
    "matches the rendered still within 2 code values",
    async () => {
      const image = await colourChart(48, 32);
      const lut = compileGrade(presetGrade("cinematic", { temperature: 25 }));
      const expected = await sharp((await gradeStill({ input: image, lut, format: "png" })).data)
        .removeAlpha()
        .raw()
        .toBuffer();
      const tab = await browser!.newPage();
      await tab.route(`${origin}/**`, async (route) => {
        const { pathname } = new URL(route.request().url());
        if (pathname === "/") return route.fulfill({ contentType: "text/html", body: page });
        if (pathname === "/frame.png") return route.fulfill({ contentType: "image/png", body: image });
        const source = readFileSync(path.join(root, pathname), "utf8");
        const { code } = await transformWithOxc(source, pathname);
        return route.fulfill({ contentType: "text/javascript", body: code });
      });
      await tab.goto(`${origin}/`);
      await tab.waitForFunction(() => "createLutRenderer" in window);
      const rendered = await tab.evaluate(
        async ({ data, size }) => {
          const canvas = document.createElement("canvas");
          const renderer = (window as PreviewWindow).createLutRenderer?.(canvas);
          if (!renderer) return null;
          const frame = new Image();
          frame.src = "/frame.png";
          await frame.decode();
          renderer.setImage(frame);
          renderer.setLut({ size, data: new Float32Array(data), domainMin: [0, 0, 0], domainMax: [1, 1, 1] });
          renderer.render(0);
          const reader = document.createElement("canvas");
          reader.width = canvas.width;
          reader.height = canvas.height;
          const context = reader.getContext("2d");
          context?.drawImage(canvas, 0, 0);
          return Array.from(context?.getImageData(0, 0, canvas.width, canvas.height).data ?? []);
        },
        { data: Array.from(lut.data), size: lut.size },
      );
      expect(rendered, "WebGL2 is unavailable in this Chromium").not.toBeNull();
      let worst = 0;
      let total = 0;
      for (let pixel = 0; pixel < expected.length / 3; pixel++) {
        for (let channel = 0; channel < 3; channel++) {
          const difference = Math.abs(rendered![pixel * 4 + channel]! - expected[pixel * 3 + channel]!);
          worst = Math.max(worst, difference);
          total += difference;
        }
      }
      expect(worst).toBeLessThanOrEqual(2);
      expect(total / expected.length).toBeLessThan(1);
    },
    30_000,
  );
});
