import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const chromiumPath = "/usr/bin/chromium";

/** Why the browser tests cannot run here, or `null` when Debian's Chromium is installed. */
export function missingBrowserReason(): string | null {
  return existsSync(chromiumPath)
    ? null
    : `Skipping the browser end-to-end tests: ${chromiumPath} is missing (apt-get install chromium).`;
}

/** Launches Debian's Chromium headless, with the flags that keep it quiet and offline. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
