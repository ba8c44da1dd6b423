import { Router } from "express";
import { z } from "zod";
import {
  createThread,
  deleteThread,
  getThread,
  listMessages,
  listThreads,
  renameThread,
} from "../../../db/queries/conversations.ts";
import { withUser } from "../../../db/rls.ts";
import type { AppDeps } from "../app-deps.ts";
import { currentUser, requireUser } from "../current-user.ts";
import { parseInput } from "../validate.ts";

const listQuery = z.object({ projectId: z.uuid().optional() });
const createInput = z.object({
  projectId: z.uuid().optional(),
  title: z.string().trim().min(1).max(200).optional(),
});
const renameInput = z.object({ title: z.string().trim().min(1, "give the conversation a title").max(200) });

/** Conversations: list, create, reload with their messages, rename, delete. */
export function threadRoutes(deps: AppDeps): Router {
  const router = Router();
  const { db } = deps.database;
  router.use("/api/threads", requireUser(deps));

  router.get("/api/threads", async (request, response) => {
    const user = currentUser(response);
    const { projectId } = parseInput(listQuery, request.query);
    const threads = await withUser(db, user.id, (tx) => listThreads(tx, projectId ? { projectId } : {}));
    response.json({ threads });
  });

  router.post("/api/threads", async (request, response) => {
    const user = currentUser(response);
    const input = parseInput(createInput, request.body);
    const thread = await withUser(db, user.id, (tx) => createThread(tx, { ownerId: user.id, ...input }));
    response.status(201).json({ thread });
  });

  router.get("/api/threads/:threadId", async (request, response) => {
    const user = currentUser(response);
    const result = await withUser(db, user.id, async (tx) => {
      const thread = await getThread(tx, request.params.threadId);
      const rows = await listMessages(tx, thread.id);
      return {
        thread,
        messages: rows.map(({ id, role, parts, metadata }) => ({
          id,
          role,
          parts,
          ...(metadata ? { metadata } : {}),
        })),
      };
    });
    response.json(result);
  });

  router.patch("/api/threads/:threadId", async (request, response) => {
    const user = currentUser(response);
    const { title } = parseInput(renameInput, request.body);
    response.json({
      thread: await withUser(db, user.id, (tx) => renameThread(tx, request.params.threadId, title)),
    });
  });

  router.delete("/api/threads/:threadId", async (request, response) => {
    const user = currentUser(response);
    response.json({
      deleted: await withUser(db, user.id, (tx) => deleteThread(tx, request.params.threadId)),
    });
  });

  return router;
}
