import { createHash } from "node:crypto";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityHeaders } from "./security-headers.ts";
import { createViteDevClient, type ViteDevClient } from "./vite-dev-client.ts";

let server: Server;
let devClient: ViteDevClient;
let baseUrl: string;

// The dev pages mounted as `createApp` mounts them: behind the security headers and the API.
beforeAll(async () => {
  server = createServer();
  devClient = await createViteDevClient({ httpServer: server });
  const app = express();
  app.use(securityHeaders());
  app.get("/api/health", (_request, response) => {
    response.json({ ok: true });
  });
  app.use(devClient.pages);
  server.on("request", app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await devClient?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

/** Opens Vite's HMR WebSocket on `url` and returns the handshake status and the first text frame. */
function openHotReloadSocket(url: string): Promise<{ status: number; firstMessage: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, {
      headers: {
        Connection: "Upgrade",
        Upgrade: "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": Buffer.from("nollyai-dev-test").toString("base64"),
        "Sec-WebSocket-Protocol": "vite-hmr",
      },
    });
    request.on("response", (response) => reject(new Error(`no upgrade: HTTP ${response.statusCode}`)));
    request.on("upgrade", (response, socket, head) => {
      let received = head;
      const readFrame = () => {
        // A short unmasked server text frame: 0x81, payload length (< 126), payload.
        if (received.length < 2) return;
        const length = (received[1] ?? 0) & 0x7f;
        if (received.length < 2 + length) return;
        socket.destroy();
        resolve({
          status: response.statusCode ?? 0,
          firstMessage: received.subarray(2, 2 + length).toString("utf8"),
        });
      };
      socket.on("data", (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        readFrame();
      });
      readFrame();
    });
    request.on("error", reject);
    request.end();
  });
}

describe("the web client under npm run dev (Vite middleware)", () => {
  it("serves index.html transformed by Vite, with the HMR client, for any page path", async () => {
    for (const pathname of ["/", "/projects/00000000-0000-4000-8000-000000000000?thread=x"]) {
      const response = await fetch(`${baseUrl}${pathname}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/text\/html/);
      const html = await response.text();
      expect(html).toContain('src="/@vite/client"');
      expect(html).toContain("/@react-refresh");
      expect(html).toContain('<div id="root"></div>');
      // Absolute: a page reloaded at a deep link must still load the app from the root.
      expect(html, pathname).toMatch(/<script type="module" src="\/main\.tsx"><\/script>/);
    }
  });

  it("lets exactly the page's inline preamble run under the strict policy (by hash, not 'unsafe-inline')", async () => {
    const response = await fetch(baseUrl);
    const html = await response.text();
    const preamble = /<script type="module">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    expect(preamble).toContain("injectIntoGlobalHook");
    const hash = createHash("sha256").update(preamble).digest("base64");
    const policy = response.headers.get("content-security-policy") ?? "";
    const scriptSource = policy.split(";").find((directive) => directive.startsWith("script-src")) ?? "";
    expect(scriptSource).toBe(`script-src 'self' 'sha256-${hash}'`);
    expect(policy).not.toContain("unsafe-inline' 'sha256");
  });

  it("compiles the client's TypeScript modules on request", async () => {
    const response = await fetch(`${baseUrl}/main.tsx`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/javascript/);
    const code = await response.text();
    expect(code).not.toMatch(/^import type /m);
    expect(code).toMatch(/createRoot/);
  });

  it("leaves the API to the server", async () => {
    const response = await fetch(`${baseUrl}/api/health`);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("answers the hot-reload WebSocket on the same port", async () => {
    const socket = await openHotReloadSocket(`${baseUrl}/`);
    expect(socket.status).toBe(101);
    expect(JSON.parse(socket.firstMessage)).toMatchObject({ type: "connected" });
  });
});
