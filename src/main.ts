import type { Server } from "node:http";
import { ConfigError, loadConfig } from "./config/env.ts";
import { createStudio } from "./studio.ts";
import { createApp } from "./web/server/create-app.ts";

/** `npm start`: serves the API and the web app on one port until Ctrl-C, then shuts down cleanly. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const studio = await createStudio(config);
  const app = createApp(studio);
  const server: Server = app.listen(config.PORT, config.HOST);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const database =
    studio.database.mode === "pglite" ? `PGlite (embedded) in ${config.dataDir}` : "PostgreSQL server";
  console.log(`NollyAI Studio is running at http://localhost:${port}\nDatabase: ${database}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    studio.logger.info({ signal }, "shutting down: finishing in-flight requests");
    server.close(() => {
      studio
        .close()
        .then(() => process.exit(0))
        .catch((error: unknown) => {
          studio.logger.error({ err: error }, "database did not close cleanly");
          process.exit(1);
        });
    });
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 10_000).unref();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error("NollyAI Studio could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
