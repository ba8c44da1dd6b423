import { createServer } from "node:http";
import { ConfigError, loadConfig } from "./config/env.ts";
import { createStudio } from "./studio.ts";
import { createApp } from "./web/server/create-app.ts";

/**
 * `npm start`: serves the API and the built web app on one port until Ctrl-C, then shuts down cleanly.
 * With `--dev` (`npm run dev`), the web app comes from its sources through Vite, hot reload on the same port.
 */
async function main(): Promise<void> {
  const developing = process.argv.includes("--dev");
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
  const server = createServer();
  // Loaded only under --dev: Vite is a development tool, and `npm start` serves the built files.
  const devClient = developing
    ? await (await import("./web/server/vite-dev-client.ts")).createViteDevClient({ httpServer: server })
    : undefined;
  server.on("request", createApp(studio, devClient ? { clientPages: devClient.pages } : {}));
  server.listen(config.PORT, config.HOST);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const database =
    studio.database.mode === "pglite" ? `PGlite (embedded) in ${config.dataDir}` : "PostgreSQL server";
  const mode = devClient ? "\nWeb app: from its sources through Vite (hot reload)" : "";
  console.log(`NollyAI Studio is running at http://localhost:${port}\nDatabase: ${database}${mode}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    studio.logger.info({ signal }, "shutting down: finishing in-flight requests");
    studio.beginStopping();
    server.close(() => {
      Promise.all([studio.close(), devClient?.close()])
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
