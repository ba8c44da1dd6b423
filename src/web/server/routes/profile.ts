import { eq } from "drizzle-orm";
import { Router } from "express";
import { z } from "zod";
import { withUser } from "../../../db/rls.ts";
import { profiles } from "../../../db/schema.ts";
import { AppError } from "../../../lib/errors.ts";
import type { AppDeps } from "../app-deps.ts";
import { currentUser, requireUser } from "../current-user.ts";
import { parseInput } from "../validate.ts";

const profileInput = z.object({ displayName: z.string().trim().min(1).max(100) });

/** The signed-in user's account and profile (display name, credits). */
export function profileRoutes(deps: AppDeps): Router {
  const router = Router();
  const { db } = deps.database;
  router.use("/api/me", requireUser(deps));

  router.get("/api/me", async (_request, response) => {
    const user = currentUser(response);
    const [profile] = await withUser(db, user.id, (tx) => tx.select().from(profiles));
    if (!profile) throw new AppError("not_found:profile", "Your profile is missing; sign out and in again.");
    response.json({ user, profile });
  });

  router.patch("/api/me", async (request, response) => {
    const user = currentUser(response);
    const input = parseInput(profileInput, request.body);
    const [profile] = await withUser(db, user.id, (tx) =>
      tx
        .update(profiles)
        .set({ displayName: input.displayName, updatedAt: new Date() })
        .where(eq(profiles.ownerId, user.id))
        .returning(),
    );
    response.json({ user, profile });
  });

  return router;
}
