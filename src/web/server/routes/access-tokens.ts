import { Router } from "express";
import {
  accessTokenInput,
  createAccessToken,
  listAccessTokens,
  revokeAccessToken,
} from "../../../auth/access-tokens.ts";
import type { AppDeps } from "../app-deps.ts";
import { currentUser, requireUser } from "../current-user.ts";
import { parseInput } from "../validate.ts";

/**
 * Personal access tokens (for MCP clients and scripts): create (the token is in this one answer only),
 * list, revoke. Session-authenticated: a token cannot mint or revoke tokens.
 */
export function accessTokenRoutes(deps: Pick<AppDeps, "auth" | "sessions" | "database">): Router {
  const router = Router();
  const { db } = deps.database;
  router.use("/api/access-tokens", requireUser(deps));

  router.get("/api/access-tokens", async (_request, response) => {
    const user = currentUser(response);
    response.json({ accessTokens: await listAccessTokens(db, user.id) });
  });

  router.post("/api/access-tokens", async (request, response) => {
    const user = currentUser(response);
    const input = parseInput(accessTokenInput, request.body);
    const created = await createAccessToken(db, { userId: user.id, ...input });
    response.setHeader("Cache-Control", "no-store");
    response.status(201).json(created);
  });

  router.delete("/api/access-tokens/:tokenId", async (request, response) => {
    const user = currentUser(response);
    response.json({ accessToken: await revokeAccessToken(db, user.id, request.params.tokenId) });
  });

  return router;
}
