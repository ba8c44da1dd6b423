import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import express from "express";
import { parseConfig } from "../../config/env.ts";
import { createTestDatabase } from "../../db/testing/test-database.ts";
import type { JobService } from "../../jobs/job-service.ts";
import { createLogger } from "../../lib/logger.ts";
import { createStudio, type Studio } from "../../studio.ts";
import type { Tool } from "../../tools/tool.ts";
import { createApp } from "../../web/server/create-app.ts";
import { errorHandler } from "../../web/server/error-handler.ts";
import { accessTokenRoutes } from "../../web/server/routes/access-tokens.ts";
import { mcpHttpRoutes } from "../http-route.ts";

export type McpTestStudio = { studio: Studio; baseUrl: string; close(): Promise<void> };

/**
 * The real studio app with the access-token routes and `/mcp` mounted in front of it, as the lead will
 * mount them in `createApp`, on a free local port with a fresh database.
 */
export async function startMcpTestStudio(
  options: { environment?: Record<string, string>; tools?: readonly Tool[]; jobs?: JobService } = {},
): Promise<McpTestStudio> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "nollyai-mcp-"));
  const database = await createTestDatabase();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const config = parseConfig({
    NOLLYAI_DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    PUBLIC_URL: baseUrl,
    ...options.environment,
  });
  const studio = await createStudio(config, { database, logger: createLogger({ level: "silent" }) });
  const mcp = mcpHttpRoutes(
    { ...studio, ...(options.jobs ? { jobs: options.jobs } : {}) },
    options.tools ? { tools: options.tools } : {},
  );
  const app = express();
  app.use(mcp);
  app.use("/api/access-tokens", express.json());
  app.use(accessTokenRoutes(studio));
  app.use(createApp(studio));
  app.use(errorHandler());
  server.on("request", app);
  return {
    studio,
    baseUrl,
    async close() {
      await mcp.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
