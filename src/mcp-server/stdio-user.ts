import { verifyAccessToken } from "../auth/access-tokens.ts";
import { ensureLocalUser } from "../auth/local-user.ts";
import type { Config } from "../config/env.ts";
import { AppError } from "../lib/errors.ts";
import type { Studio } from "../studio.ts";
import type { McpUser } from "./mcp-deps.ts";

/**
 * Who the stdio server acts as: the owner of `NOLLYAI_TOKEN` (with its scope), or, in embedded mode with no
 * token, the local user. With a database server and no token there is no one to act as.
 */
export async function resolveStdioUser(
  studio: Pick<Studio, "auth" | "database">,
  config: Config,
): Promise<McpUser> {
  if (config.NOLLYAI_TOKEN) {
    const verified = await verifyAccessToken(studio.database.db, config.NOLLYAI_TOKEN);
    if (!verified) {
      throw new AppError(
        "unauthorized:access_token",
        "NOLLYAI_TOKEN is invalid, revoked or expired. Create a new personal access token in the studio (POST /api/access-tokens) and set it in the MCP client's configuration.",
      );
    }
    return { id: verified.userId, scope: verified.scope };
  }
  if (config.DATABASE_URL) {
    throw new AppError(
      "unauthorized:access_token",
      "Set NOLLYAI_TOKEN to a personal access token: with DATABASE_URL set, the MCP server must know which user it acts for.",
    );
  }
  return { id: await ensureLocalUser(studio.auth), scope: "read-write" };
}
