/**
 * MCP round-trip time of a trivial tool call, each against a bare SDK echo server measured in the same run:
 * 1. stdio: the studio's stdio server (spawned as `npm run mcp` runs it, embedded) versus a spawned bare
 *    `McpServer` with one echo tool;
 * 2. Streamable HTTP: the studio's `/mcp` route (Host/Origin checks, bearer token verified and remembered
 *    briefly, scope guard, session) versus a bare `createMcpExpressApp` session server with the same echo tool.
 * The studio serves the same echo tool (declared as a studio tool, run through the registry path) and the
 * real `get-credits` tool (one database read); over HTTP also the echo with the access token looked up in the
 * database on every call, to show what remembering it saves. Target: echo ≤ 1.5× the bare server.
 * Contenders run interleaved; the best mean of each is kept.
 * Run: npx tsx bench/mcp-roundtrip.bench.ts [--only=stdio|--only=http]
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { createMcpExpressApp } from "@modelcontextprotocol/sdk/server/express.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import express from "express";
import { z } from "zod";
import { createAccessToken } from "../src/auth/access-tokens.ts";
import { parseConfig } from "../src/config/env.ts";
import { profiles, user } from "../src/db/schema.ts";
import { createLogger } from "../src/lib/logger.ts";
import { mcpHttpRoutes } from "../src/mcp-server/http-route.ts";
import { runStdioServer } from "../src/mcp-server/stdio.ts";
import { createStudio } from "../src/studio.ts";
import { tools } from "../src/tools/index.ts";
import { defineTool, type Tool } from "../src/tools/tool.ts";

const calls = 300;
const rounds = 5;
const benchFile = fileURLToPath(import.meta.url);
const repositoryRoot = path.resolve(path.dirname(benchFile), "..");
const echoShape = { text: z.string() };

/** The echo tool as a studio tool: it runs through the same path as every registry tool. */
const echoTool = defineTool({
  name: "echo-text",
  title: "Echo",
  description: "Benchmark tool: returns its input.",
  inputSchema: z.object(echoShape),
  outputSchema: z.object({ text: z.string() }),
  cost: 0,
  annotations: { readOnly: true, destructive: false, longRunning: false, idempotent: true },
  examples: ["echo", "say it back"],
  execute: async (_context, input) => ({ text: input.text }),
}) as unknown as Tool;

function bareEchoServer(): McpServer {
  const server = new McpServer({ name: "bare-echo", version: "1.0.0" });
  server.registerTool(
    "echo-text",
    { inputSchema: echoShape, outputSchema: { text: z.string() } },
    async ({ text }) => ({ content: [{ type: "text", text }], structuredContent: { text } }),
  );
  return server;
}

async function serveChild(mode: string): Promise<void> {
  if (mode === "echo") {
    await bareEchoServer().connect(new StdioServerTransport());
    return;
  }
  const { closed } = await runStdioServer({ tools: [...tools, echoTool] });
  await closed;
  process.exit(0);
}

/** Start-up is not measured: a fresh embedded studio migrates its database first, slowly on a busy machine. */
const startupTimeoutMs = 10 * 60_000;

async function stdioClient(mode: string, environment: Record<string, string>): Promise<Client> {
  const client = new Client({ name: "bench", version: "1.0.0" });
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: ["--import", "tsx", benchFile, `--serve=${mode}`],
      cwd: repositoryRoot,
      env: environment,
      stderr: "ignore",
    }),
    { timeout: startupTimeoutMs },
  );
  return client;
}

async function httpClient(url: string, token?: string): Promise<Client> {
  const client = new Client({ name: "bench", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), {
      requestInit: { headers: token ? { Authorization: `Bearer ${token}` } : {} },
    }),
  );
  return client;
}

function listen(app: express.Express): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = app.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve({
        server,
        url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/mcp`,
      });
    });
  });
}

/** The bare SDK way: `createMcpExpressApp` (Host validation) and one session transport per client. */
function bareHttpApp(): express.Express {
  const app = createMcpExpressApp();
  const transports = new Map<string, StreamableHTTPServerTransport>();
  app.all("/mcp", async (request, response) => {
    const sessionId = request.headers["mcp-session-id"];
    let transport = typeof sessionId === "string" ? transports.get(sessionId) : undefined;
    if (!transport && isInitializeRequest(request.body)) {
      const created = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => {
          transports.set(id, created);
        },
      });
      await bareEchoServer().connect(created);
      transport = created;
    }
    if (!transport) {
      response.status(400).end();
      return;
    }
    await transport.handleRequest(request, response, request.body);
  });
  return app;
}

type Contender = { label: string; call: () => Promise<unknown> };

async function measure(contenders: Contender[]): Promise<Map<string, number>> {
  const best = new Map(contenders.map((contender) => [contender.label, Number.POSITIVE_INFINITY]));
  for (const contender of contenders) for (let warm = 0; warm < 30; warm++) await contender.call();
  for (let round = 0; round < rounds; round++) {
    for (const contender of contenders) {
      const start = performance.now();
      for (let index = 0; index < calls; index++) await contender.call();
      const mean = (performance.now() - start) / calls;
      best.set(contender.label, Math.min(best.get(contender.label)!, mean));
    }
  }
  return best;
}

function report(title: string, results: Map<string, number>, baseline: string): void {
  console.log(`\n${title} (best mean of ${rounds} rounds × ${calls} calls)`);
  const base = results.get(baseline)!;
  for (const [label, milliseconds] of results) {
    const ratio = milliseconds / base;
    const verdict = label === baseline ? "baseline" : `${ratio.toFixed(2)}× bare`;
    console.log(`  ${label.padEnd(34)} ${milliseconds.toFixed(3).padStart(8)} ms  ${verdict}`);
  }
}

const echo = (client: Client) => () => client.callTool({ name: "echo-text", arguments: { text: "ping" } });
const credits = (client: Client) => () => client.callTool({ name: "get-credits", arguments: {} });

async function benchStdio(dataDir: string): Promise<number> {
  const bareStdio = await stdioClient("echo", {});
  const studioStdio = await stdioClient("studio", { NOLLYAI_DATA_DIR: dataDir, LOG_LEVEL: "warn" });
  const stdio = await measure([
    { label: "bare SDK echo (stdio)", call: echo(bareStdio) },
    { label: "studio echo (stdio)", call: echo(studioStdio) },
    { label: "studio get-credits (stdio)", call: credits(studioStdio) },
  ]);
  await Promise.all([bareStdio.close(), studioStdio.close()]);
  report("stdio", stdio, "bare SDK echo (stdio)");
  return stdio.get("studio echo (stdio)")! / stdio.get("bare SDK echo (stdio)")!;
}

async function benchHttp(dataDir: string): Promise<number> {
  const config = parseConfig({ NOLLYAI_DATA_DIR: dataDir, LOG_LEVEL: "silent" });
  const studio = await createStudio(config, { logger: createLogger({ level: "silent" }) });
  await studio.database.db.insert(user).values({ id: "bench", name: "bench", email: "bench@example.com" });
  await studio.database.db.insert(profiles).values({ ownerId: "bench", displayName: "bench", credits: 10 });
  const { token } = await createAccessToken(studio.database.db, { userId: "bench", name: "bench" });
  const studioRoutes = (tokenTtlMs?: number) =>
    mcpHttpRoutes(studio, {
      tools: [...tools, echoTool],
      ...(tokenTtlMs === undefined ? {} : { tokenTtlMs }),
    });
  const routes = studioRoutes();
  const uncachedRoutes = studioRoutes(0);
  const bare = await listen(bareHttpApp());
  const ours = await listen(express().use(routes));
  const uncached = await listen(express().use(uncachedRoutes));
  const bareHttp = await httpClient(bare.url);
  const studioHttp = await httpClient(ours.url, token);
  const uncachedHttp = await httpClient(uncached.url, token);
  const http = await measure([
    { label: "bare SDK echo (HTTP)", call: echo(bareHttp) },
    { label: "studio /mcp echo (HTTP)", call: echo(studioHttp) },
    { label: "  same, token looked up every call", call: echo(uncachedHttp) },
    { label: "studio /mcp get-credits (HTTP)", call: credits(studioHttp) },
  ]);
  await Promise.all([bareHttp.close(), studioHttp.close(), uncachedHttp.close()]);
  await Promise.all([routes.close(), uncachedRoutes.close()]);
  for (const { server } of [bare, ours, uncached]) {
    server.closeAllConnections();
    server.close();
  }
  await studio.close();
  report("Streamable HTTP", http, "bare SDK echo (HTTP)");
  return http.get("studio /mcp echo (HTTP)")! / http.get("bare SDK echo (HTTP)")!;
}

const verdict = (ratio: number) => `${ratio.toFixed(2)}× ${ratio <= 1.5 ? "met" : "MISSED"}`;

/** `--only=stdio` or `--only=http` runs one transport; both by default. */
async function main(only: string | undefined): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "nollyai-bench-mcp-"));
  try {
    const verdicts: string[] = [];
    if (only !== "http") verdicts.push(`stdio ${verdict(await benchStdio(path.join(dataDir, "stdio")))}`);
    if (only !== "stdio") verdicts.push(`HTTP ${verdict(await benchHttp(path.join(dataDir, "http")))}`);
    console.log(`\ntarget ≤ 1.5×: ${verdicts.join(", ")}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const serveArgument = process.argv.find((argument) => argument.startsWith("--serve="));
if (serveArgument) {
  await serveChild(serveArgument.slice("--serve=".length));
} else {
  await main(process.argv.find((argument) => argument.startsWith("--only="))?.slice("--only=".length));
}
