import type { RequestHandler } from "express";
import type { Tool } from "../tools/tool.ts";
import { requiredScope } from "./tool-scope.ts";

/**
 * Answers 403 `insufficient_scope` (with a `WWW-Authenticate` challenge naming the scope needed) before a
 * `tools/call` of a tool the bearer token's scope does not cover. The MCP server checks the same again.
 */
export function scopeGuard(tools: readonly Tool[]): RequestHandler {
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  return (request, response, next) => {
    const granted = request.auth?.scopes ?? [];
    const messages: unknown[] = Array.isArray(request.body) ? request.body : [request.body];
    for (const message of messages) {
      const call = message as { method?: unknown; params?: { name?: unknown } } | null;
      if (call?.method !== "tools/call" || typeof call.params?.name !== "string") continue;
      const tool = byName.get(call.params.name);
      if (!tool) continue;
      const needed = requiredScope(tool);
      if (granted.includes(needed)) continue;
      const description = `${tool.name} changes things and needs a token with the ${needed} scope; this token is read-only`;
      response.setHeader(
        "WWW-Authenticate",
        `Bearer error="insufficient_scope", scope="${needed}", error_description="${description}"`,
      );
      response.status(403).json({ error: "insufficient_scope", error_description: `${description}.` });
      return;
    }
    next();
  };
}
