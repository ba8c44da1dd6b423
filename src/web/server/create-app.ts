import { randomUUID } from "node:crypto";
import { toNodeHandler } from "better-auth/node";
import express, { type Express, type Router } from "express";
import { pinoHttp } from "pino-http";
import { clientIpHeader } from "../../auth/create-auth.ts";
import { AppError } from "../../lib/errors.ts";
import { mcpHttpRoutes } from "../../mcp-server/http-route.ts";
import type { AppDeps } from "./app-deps.ts";
import { clientPages } from "./client-pages.ts";
import { errorHandler } from "./error-handler.ts";
import { accessTokenRoutes } from "./routes/access-tokens.ts";
import { chatRoutes } from "./routes/chat.ts";
import { creditRoutes } from "./routes/credits.ts";
import { fileRoutes } from "./routes/files.ts";
import { healthRoutes } from "./routes/health.ts";
import { jobRoutes } from "./routes/jobs.ts";
import { notificationRoutes } from "./routes/notifications.ts";
import { profileRoutes } from "./routes/profile.ts";
import { projectRoutes } from "./routes/projects.ts";
import { threadRoutes } from "./routes/threads.ts";
import { securityHeaders } from "./security-headers.ts";

/** How the web client is served: the built files by default, or Vite's dev middlewares under `npm run dev`. */
export type CreateAppOptions = { clientPages?: Router };

/** Builds the studio's HTTP app (no `listen`): API, auth, and the web client, with one error mapper. */
export function createApp(deps: AppDeps, options: CreateAppOptions = {}): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (request, response) => {
        const incoming = request.headers["x-request-id"];
        const id = typeof incoming === "string" && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
        response.setHeader("X-Request-Id", id);
        return id;
      },
      autoLogging: { ignore: (request) => request.url === "/api/health" },
    }),
  );
  app.use(securityHeaders());

  // better-auth reads the raw body itself, so it is mounted before the JSON parser.
  const authHandler = toNodeHandler(deps.auth);
  app.all("/api/auth/*splat", (request, response, next) => {
    request.headers[clientIpHeader] = request.socket.remoteAddress ?? "";
    authHandler(request, response).catch(next);
  });

  if (deps.jobSystem.inngestHandler) {
    app.use("/api/inngest", express.json({ limit: "10mb" }), deps.jobSystem.inngestHandler);
  }
  // The MCP endpoint checks Host and Origin and parses its own body.
  const mcp = mcpHttpRoutes(deps);
  deps.stopping.addEventListener(
    "abort",
    () =>
      void mcp
        .close()
        .catch((error: unknown) => deps.logger.warn({ err: error }, "MCP sessions did not close")),
    { once: true },
  );
  app.use(mcp);
  app.use(express.json({ limit: "1mb" }));
  app.use(healthRoutes(deps));
  app.use(profileRoutes(deps));
  app.use(projectRoutes(deps));
  app.use(fileRoutes(deps));
  app.use(threadRoutes(deps));
  app.use(accessTokenRoutes(deps));
  app.use(jobRoutes(deps));
  app.use(creditRoutes(deps));
  app.use(notificationRoutes({ ...deps, notifications: deps.jobSystem.notifications }));
  app.use(chatRoutes(deps));
  app.use("/api", (request, _response, next) => {
    next(new AppError("not_found:route", `No API route ${request.method} ${request.originalUrl}.`));
  });
  app.use(options.clientPages ?? clientPages(deps.clientDirectory));
  app.use(errorHandler());
  return app;
}
