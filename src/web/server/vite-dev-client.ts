import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Server } from "node:http";
import path from "node:path";
import { type Response, Router } from "express";
import { createServer, type ViteDevServer } from "vite";

const root = path.resolve(import.meta.dirname, "../../..");

/** The web client served from its sources by Vite, for `npm run dev`. */
export type ViteDevClient = {
  /** Vite's middlewares (modules, HMR client, assets) and the SPA fallback with the transformed index.html. */
  pages: Router;
  vite: ViteDevServer;
  close(): Promise<void>;
};

/**
 * Starts Vite in middleware mode with the repo's `vite.config.ts`. Its hot-reload WebSocket is attached to
 * `httpServer`, so the API, the app and HMR share one port.
 */
export async function createViteDevClient(input: { httpServer: Server }): Promise<ViteDevClient> {
  const vite = await createServer({
    configFile: path.join(root, "vite.config.ts"),
    appType: "custom",
    clearScreen: false,
    server: { middlewareMode: true, ws: { server: input.httpServer } },
  });
  const indexFile = path.join(vite.config.root, "index.html");
  const pages = Router();
  pages.use(vite.middlewares);
  pages.get("/{*splat}", async (request, response, next) => {
    if (request.path.startsWith("/api/") || request.path === "/mcp") {
      next();
      return;
    }
    try {
      const source = await readFile(indexFile, "utf8");
      // Every page path is the one SPA page at the root (`index.html` loads `/main.tsx`, absolute, so a
      // deep link such as `/projects/<id>` loads the app from the root too).
      const html = await vite.transformIndexHtml("/index.html", source);
      allowInlineScripts(response, html);
      response.status(200).type("html").setHeader("Cache-Control", "no-store").send(html);
    } catch (error) {
      next(error);
    }
  });
  return { pages, vite, close: () => vite.close() };
}

/**
 * Vite's dev page carries inline module scripts (the React Refresh preamble). Rather than loosening the
 * policy to 'unsafe-inline', this page's policy names exactly those scripts by hash.
 */
function allowInlineScripts(response: Response, html: string): void {
  const policy = response.getHeader("Content-Security-Policy");
  if (typeof policy !== "string") return;
  const hashes = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((match) => match[1] ?? "")
    .filter((body) => body.trim().length > 0)
    .map((body) => `'sha256-${createHash("sha256").update(body).digest("base64")}'`);
  if (hashes.length === 0) return;
  const directives = policy
    .split(";")
    .map((directive) => directive.trim())
    .map((directive) => (/^script-src\s/.test(directive) ? `${directive} ${hashes.join(" ")}` : directive));
  response.setHeader("Content-Security-Policy", directives.join(";"));
}
