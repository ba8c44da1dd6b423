import { randomUUID } from "node:crypto";
import { requireBearerAuth } from "@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import express, { type Request, type Response, Router } from "express";
import type { Config } from "../config/env.ts";
import { tools as registry } from "../tools/index.ts";
import type { Tool } from "../tools/tool.ts";
import { accessTokenVerifier, userIdOf } from "./bearer-verifier.ts";
import { createMcpServer, servedTools } from "./create-mcp-server.ts";
import { allowedHostsOf, allowedOriginsOf, hostValidation, originValidation, refuse } from "./http-guards.ts";
import { McpSessions } from "./http-sessions.ts";
import type { McpDeps } from "./mcp-deps.ts";
import { scopeGuard } from "./scope-guard.ts";
import { createTokenVerificationCache } from "./token-verification-cache.ts";

/** What `/mcp` needs: the MCP deps, with the studio config for hosts, origins and the public URL. */
export type McpHttpDeps = Omit<McpDeps, "publicUrl"> & { config: Config };

export type McpHttpRouter = Router & {
  /** Ends every open MCP session and stops listening for token revocations (on shutdown). */
  close(): Promise<void>;
};

/**
 * The Streamable HTTP endpoint at `/mcp`: Host and Origin checked, then a bearer personal access token, then
 * the token's scope against the tools called. A verified token is remembered briefly (revocations and
 * expiry still apply at once; see `createTokenVerificationCache`). Session-based: `initialize` opens a session bound to the
 * token's user (its id comes back in `Mcp-Session-Id`); later requests must carry that id and a token of
 * the same user. Sessions live in this process, so several server processes need sticky routing.
 */
export function mcpHttpRoutes(
  deps: McpHttpDeps,
  options: {
    tools?: readonly Tool[];
    idleMinutes?: number;
    maxSessionsPerUser?: number;
    /** How long a verified access token is trusted without a database lookup (30 s by default; 0: never). */
    tokenTtlMs?: number;
  } = {},
): McpHttpRouter {
  const router = Router();
  const mcpDeps: McpDeps = { ...deps, publicUrl: deps.config.publicUrl };
  const tools = options.tools ?? registry;
  const sessions = new McpSessions({
    idleMs: (options.idleMinutes ?? 30) * 60_000,
    maxPerUser: options.maxSessionsPerUser ?? 20,
    logger: deps.logger,
  });

  const tokens = createTokenVerificationCache({
    database: deps.database,
    logger: deps.logger,
    ...(options.tokenTtlMs === undefined ? {} : { ttlMs: options.tokenTtlMs }),
  });

  router.use(
    "/mcp",
    hostValidation(allowedHostsOf(deps.config)),
    originValidation(allowedOriginsOf(deps.config)),
    express.json({ limit: "4mb" }),
    requireBearerAuth({ verifier: accessTokenVerifier(tokens) }),
    scopeGuard(servedTools(tools, deps.jobs)),
  );

  const handle = async (request: Request, response: Response) => {
    const userId = userIdOf(request.auth);
    if (!userId || !request.auth) {
      refuse(response, "Authentication is required.", 401);
      return;
    }
    const sessionId = request.headers["mcp-session-id"];
    if (typeof sessionId === "string") {
      const session = sessions.find(sessionId, userId);
      if (!session) {
        response.status(404).json({
          jsonrpc: "2.0",
          error: {
            code: -32001,
            message: "Session not found: it ended or was never opened. Initialize again.",
          },
          id: null,
        });
        return;
      }
      session.openRequests++;
      response.once("close", () => {
        session.openRequests--;
        session.lastSeen = Date.now();
      });
      await session.transport.handleRequest(request, response, request.body);
      return;
    }
    if (request.method !== "POST" || !isInitializeRequest(request.body)) {
      refuse(
        response,
        "No session: send an initialize request first, then the Mcp-Session-Id it returns.",
        400,
      );
      return;
    }
    const scope = request.auth.scopes.includes("read-write") ? "read-write" : "read";
    const server = createMcpServer({ deps: mcpDeps, user: { id: userId, scope }, tools });
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        sessions.add({ id, userId, server, transport, lastSeen: Date.now(), openRequests: 0 });
      },
      onsessionclosed: (id) => sessions.forget(id),
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.forget(transport.sessionId);
    };
    await server.connect(transport);
    await transport.handleRequest(request, response, request.body);
  };

  router.post("/mcp", handle);
  router.get("/mcp", handle);
  router.delete("/mcp", handle);
  router.all("/mcp", (_request, response) => {
    response.setHeader("Allow", "GET, POST, DELETE");
    refuse(response, "Use POST, GET or DELETE on /mcp.", 405);
  });
  return Object.assign(router, {
    async close() {
      await Promise.all([sessions.closeAll(), tokens.close()]);
    },
  });
}
