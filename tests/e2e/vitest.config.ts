import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Browser end-to-end tests: each file starts the real studio (`node scripts/start.js`) on a fresh data
 * directory and drives Debian's Chromium with playwright-core. Run with
 * `npx vitest run --config tests/e2e/vitest.config.ts`.
 */
export default defineConfig({
  root: path.resolve(import.meta.dirname, "../.."),
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 600_000,
    pool: "forks",
    fileParallelism: false,
  },
});
