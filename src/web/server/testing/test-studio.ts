import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseConfig } from "../../../config/env.ts";
import { createTestDatabase } from "../../../db/testing/test-database.ts";
import { createLogger } from "../../../lib/logger.ts";
import { createStudio, type Studio } from "../../../studio.ts";
import { createApp } from "../create-app.ts";

export type TestStudio = { studio: Studio; baseUrl: string; dataDir: string; close(): Promise<void> };

/**
 * The real studio (real database, storage, auth and HTTP app) on a free local port, with a fresh database
 * and data directory. `environment` overrides settings as the process environment would.
 */
export async function startTestStudio(environment: Record<string, string> = {}): Promise<TestStudio> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "nollyai-studio-"));
  const database = await createTestDatabase();
  const port = await freePort();
  // The public URL (links in mail, the trusted origin) must be the address the tests call.
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = parseConfig({
    NOLLYAI_DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    PUBLIC_URL: baseUrl,
    ...environment,
  });
  const studio = await createStudio(config, { database, logger: createLogger({ level: "silent" }) });
  const server = createApp(studio).listen(port, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  return {
    studio,
    baseUrl,
    dataDir,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
