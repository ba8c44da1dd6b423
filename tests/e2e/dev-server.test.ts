import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium, missingBrowserReason } from "./browser.ts";
import { type StudioServer, startStudio } from "./studio-server.ts";

const root = path.resolve(import.meta.dirname, "../..");
const stylesheet = path.join(root, "src/web/client/styles.css");
const skipReason = missingBrowserReason();

describe.skipIf(skipReason !== null)(
  "npm run dev: the web app from its sources, hot reload, one port",
  () => {
    let studio: StudioServer;
    let browser: Browser;
    let page: Page;
    const consoleLines: string[] = [];

    beforeAll(async () => {
      studio = await startStudio({}, "dev");
      browser = await launchChromium();
      page = await browser.newPage();
      page.setDefaultTimeout(120_000);
      page.on("console", (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
      page.on("pageerror", (error) => consoleLines.push(`pageerror: ${error.message}`));
    });

    afterAll(async () => {
      await browser?.close();
      await studio?.stop();
    });

    test("the server's own port serves index.html transformed by Vite, and the API beside it", async () => {
      const html = await (await fetch(`${studio.url}/sign-in`)).text();
      expect(html).toContain('src="/@vite/client"');
      expect(html).toContain("/@react-refresh");
      expect((await fetch(`${studio.url}/api/health`)).ok).toBe(true);
    });

    test("Chromium runs the app compiled from its sources under the strict policy, with HMR connected", async () => {
      await page.goto(`${studio.url}/sign-in`, { timeout: 180_000 });
      await page.getByRole("heading", { name: "Sign in" }).waitFor();
      await expect.poll(() => consoleLines.some((line) => line.includes("[vite] connected"))).toBe(true);
      expect(consoleLines.filter((line) => /Content Security Policy|pageerror/i.test(line))).toEqual([]);
    });

    test("saving a client source hot-updates the open page without a reload", async () => {
      await page.evaluate(() => {
        (window as Window & { loadedOnce?: boolean }).loadedOnce = true;
      });
      // Saving the same bytes is a save as far as the watcher is concerned, and changes nothing in the checkout.
      await writeFile(stylesheet, await readFile(stylesheet));
      await expect
        .poll(() => consoleLines.some((line) => line.includes("[vite] hot updated: /styles.css")), {
          timeout: 60_000,
        })
        .toBe(true);
      expect(await page.evaluate(() => (window as Window & { loadedOnce?: boolean }).loadedOnce)).toBe(true);
    });
  },
);
