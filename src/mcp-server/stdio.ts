import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { type Config, loadConfig } from "../config/env.ts";
import type { JobService } from "../jobs/job-service.ts";
import { isAppError } from "../lib/errors.ts";
import { createStudio } from "../studio.ts";
import type { Tool } from "../tools/tool.ts";
import { createMcpServer } from "./create-mcp-server.ts";
import { createStderrLogger } from "./stderr-logger.ts";
import { resolveStdioUser } from "./stdio-user.ts";

export type StdioServerOptions = {
  /** The configuration; `loadConfig()` (the process environment) by default. */
  config?: Config;
  /** The tools to serve; the registry by default. */
  tools?: readonly Tool[];
  /** The job service; the studio's own when it has one. */
  jobs?: JobService;
};

/**
 * Serves MCP over stdin/stdout until stdin closes or the process is told to stop: `npm run mcp` and
 * `npx nollyai mcp`. Acts as the owner of `NOLLYAI_TOKEN`, or as the local user in embedded mode.
 * Resolves once the server is connected; `closed` resolves when it has shut down.
 */
export async function runStdioServer(options: StdioServerOptions = {}): Promise<{ closed: Promise<void> }> {
  const config = options.config ?? loadConfig();
  // stdout is the protocol: anything a library prints with console.log would corrupt it.
  console.log = console.error;
  console.info = console.error;
  console.debug = console.error;
  const logger = createStderrLogger(config.LOG_LEVEL);
  const studio = await createStudio(config, { logger });
  let user: Awaited<ReturnType<typeof resolveStdioUser>>;
  try {
    user = await resolveStdioUser(studio, config);
  } catch (error) {
    await studio.close();
    throw error;
  }
  const jobs = options.jobs ?? (studio as { jobs?: JobService }).jobs;
  const server = createMcpServer({
    deps: { ...studio, ...(jobs ? { jobs } : {}), publicUrl: config.publicUrl },
    user,
    ...(options.tools ? { tools: options.tools } : {}),
  });
  const transport = new StdioServerTransport();
  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await server.close().catch(() => {});
    await studio
      .close()
      .catch((error: unknown) => logger.error({ err: error }, "database did not close cleanly"));
    resolveClosed();
  };
  transport.onclose = () => void shutdown();
  process.stdin.once("end", () => void shutdown());
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
  await server.connect(transport);
  logger.info({ userId: user.id, scope: user.scope }, "MCP stdio server ready");
  return { closed };
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) {
  runStdioServer()
    .then(({ closed }) => closed)
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      process.stderr.write(
        `NollyAI MCP server could not start: ${isAppError(error) || error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exit(1);
    });
}
