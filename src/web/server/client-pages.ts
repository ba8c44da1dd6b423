import { existsSync } from "node:fs";
import path from "node:path";
import express, { Router } from "express";

const placeholder = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>NollyAI Studio</title></head>
<body><main><h1>NollyAI Studio</h1>
<p>The studio API is running. The web app has not been built yet: run <code>npm run build</code>.</p>
<p><a href="/api/health">Health</a></p></main></body></html>`;

/** Serves the built single-page app (with history fallback), or a placeholder page before it is built. */
export function clientPages(clientDirectory: string): Router {
  const router = Router();
  const indexFile = path.join(clientDirectory, "index.html");
  router.use(express.static(clientDirectory, { index: false, maxAge: "1h" }));
  router.get("/{*splat}", (request, response, next) => {
    if (request.path.startsWith("/api/") || request.path === "/mcp") {
      next();
      return;
    }
    if (existsSync(indexFile)) {
      response.sendFile(indexFile);
    } else {
      response.type("html").send(placeholder);
    }
  });
  return router;
}
