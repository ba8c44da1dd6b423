import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts", "evals/**/*.test.ts"],
    exclude: ["**/node_modules/**", "tests/e2e/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    globalSetup: ["./src/db/testing/global-setup.ts"],
  },
});
