import { pipeUIMessageStreamToResponse } from "ai";
import { Router } from "express";
import { ActiveTurns } from "../../../agent/active-turns.ts";
import { chatRequestSchema } from "../../../agent/message-input.ts";
import { startAgentTurn } from "../../../agent/run-turn.ts";
import { getThread } from "../../../db/queries/conversations.ts";
import { withUser } from "../../../db/rls.ts";
import type { AppDeps } from "../app-deps.ts";
import { currentUser, requireUser } from "../current-user.ts";
import { parseInput } from "../validate.ts";

/**
 * `POST /api/chat` streams one agent turn as the AI SDK UI message stream that `useChat` reads; the thread
 * id comes back in `X-Thread-Id`. `POST /api/chat/:threadId/stop` stops a running turn.
 */
export function chatRoutes(deps: AppDeps): Router {
  const router = Router();
  const active = new ActiveTurns();
  router.use("/api/chat", requireUser(deps));

  router.post("/api/chat", async (request, response) => {
    const user = currentUser(response);
    const chatRequest = parseInput(chatRequestSchema, request.body);
    const controller = new AbortController();
    const turn = await startAgentTurn(deps.agent, {
      userId: user.id,
      request: chatRequest,
      signal: controller.signal,
    });
    const threadKey = `${user.id}:${turn.threadId}`;
    active.register(threadKey, controller);
    void turn.stored.finally(() => active.end(threadKey, controller));
    await pipeUIMessageStreamToResponse({
      response,
      stream: turn.stream,
      headers: { "X-Thread-Id": turn.threadId },
    });
  });

  router.post("/api/chat/:threadId/stop", async (request, response) => {
    const user = currentUser(response);
    const thread = await withUser(deps.database.db, user.id, (tx) => getThread(tx, request.params.threadId));
    response.json({ stopped: active.stop(`${user.id}:${thread.id}`) });
  });

  return router;
}
