import { Router } from "express";
import { z } from "zod";
import type { Auth } from "../../../auth/create-auth.ts";
import type { SessionCache } from "../../../auth/session-cache.ts";
import type { NotificationService } from "../../../notifications/notification-service.ts";
import { preferencesInput } from "../../../notifications/preferences.ts";
import { currentUser, requireUser } from "../current-user.ts";
import { parseInput } from "../validate.ts";

const listQuery = z.object({
  unread: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

/** Notifications: list (with the unread count), mark one or all read, and e-mail preferences. */
export function notificationRoutes(deps: {
  auth: Auth;
  sessions: SessionCache;
  notifications: NotificationService;
}): Router {
  const router = Router();
  const { notifications } = deps;
  router.use("/api/notifications", requireUser(deps));

  router.get("/api/notifications", async (request, response) => {
    const query = parseInput(listQuery, request.query);
    response.json(
      await notifications.list(currentUser(response).id, {
        unreadOnly: query.unread === "true",
        ...(query.limit ? { limit: query.limit } : {}),
      }),
    );
  });

  router.post("/api/notifications/read-all", async (_request, response) => {
    response.json({ marked: await notifications.markAllRead(currentUser(response).id) });
  });

  router.get("/api/notifications/preferences", async (_request, response) => {
    response.json({ preferences: await notifications.preferences(currentUser(response).id) });
  });

  router.patch("/api/notifications/preferences", async (request, response) => {
    const input = parseInput(preferencesInput, request.body);
    response.json({ preferences: await notifications.updatePreferences(currentUser(response).id, input) });
  });

  router.post("/api/notifications/:notificationId/read", async (request, response) => {
    await notifications.markRead(currentUser(response).id, request.params.notificationId);
    response.json({ ok: true });
  });

  return router;
}
