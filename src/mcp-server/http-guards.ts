import type { RequestHandler, Response } from "express";
import type { Config } from "../config/env.ts";

const loopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

/** Host names `/mcp` answers to: `MCP_ALLOWED_HOSTS`, else the loopback names and the public URL's host. */
export function allowedHostsOf(config: Pick<Config, "MCP_ALLOWED_HOSTS" | "publicUrl">): string[] {
  return config.MCP_ALLOWED_HOSTS ?? [...new Set([...loopbackHosts, new URL(config.publicUrl).hostname])];
}

/** Browser origins `/mcp` accepts: `MCP_ALLOWED_ORIGINS`, else the public URL's origin. */
export function allowedOriginsOf(config: Pick<Config, "MCP_ALLOWED_ORIGINS" | "publicUrl">): string[] {
  return (config.MCP_ALLOWED_ORIGINS ?? [config.publicUrl]).map(originOf).filter((origin) => origin !== null);
}

/** Refuses a Host header outside `allowedHosts` (DNS rebinding protection), port aside. */
export function hostValidation(allowedHosts: readonly string[]): RequestHandler {
  return (request, response, next) => {
    let hostname: string | null = null;
    try {
      hostname = request.headers.host ? new URL(`http://${request.headers.host}`).hostname : null;
    } catch {
      hostname = null;
    }
    if (!hostname || !allowedHosts.includes(hostname)) {
      refuse(response, `This MCP endpoint does not answer to host ${request.headers.host ?? "(none)"}.`);
      return;
    }
    next();
  };
}

/**
 * Refuses requests whose Origin is not allowed: a web page elsewhere must not drive a user's studio.
 * Requests without an Origin (desktop apps, IDEs, scripts) pass; their token is what authorizes them.
 */
export function originValidation(allowedOrigins: readonly string[]): RequestHandler {
  return (request, response, next) => {
    const origin = request.headers.origin;
    if (origin === undefined) {
      next();
      return;
    }
    const normalized = originOf(origin);
    if (!normalized || !allowedOrigins.includes(normalized)) {
      refuse(
        response,
        `Requests from origin ${origin} are not allowed here. Set MCP_ALLOWED_ORIGINS to allow it.`,
      );
      return;
    }
    next();
  };
}

function originOf(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/** A 403 with a JSON-RPC error body, as MCP clients expect from the endpoint. */
export function refuse(response: Response, message: string, status = 403): void {
  response.status(status).json({ jsonrpc: "2.0", error: { code: -32000, message }, id: null });
}
