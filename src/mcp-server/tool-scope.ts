import type { AuthInfo } from "@modelcontextprotocol/sdk/server/auth/types.js";
import type { AccessTokenScope } from "../auth/access-tokens.ts";
import { AppError } from "../lib/errors.ts";
import type { Tool } from "../tools/tool.ts";

/** The token scope a tool needs: read-only tools run with `read`, every other tool needs `read-write`. */
export function requiredScope(tool: Pick<Tool, "annotations">): AccessTokenScope {
  return tool.annotations.readOnly ? "read" : "read-write";
}

/** The scopes a token scope grants: `read-write` includes `read`. */
export function scopesOf(scope: AccessTokenScope): string[] {
  return scope === "read-write" ? ["read", "read-write"] : ["read"];
}

/** The scopes of a request: those of its bearer token over HTTP, else the connection's own. */
export function requestScopes(authInfo: AuthInfo | undefined, fallback: AccessTokenScope): string[] {
  return authInfo?.scopes ?? scopesOf(fallback);
}

/** Throws `forbidden:scope` when the scopes do not allow the tool. */
export function assertScopeAllows(tool: Pick<Tool, "name" | "annotations">, scopes: readonly string[]): void {
  const needed = requiredScope(tool);
  if (!scopes.includes(needed)) {
    throw new AppError(
      "forbidden:scope",
      `This access token is read-only, and ${tool.name} changes things: it needs the ${needed} scope.`,
    );
  }
}
