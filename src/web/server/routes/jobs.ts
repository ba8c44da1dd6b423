import { Router } from "express";
import { z } from "zod";
import type { Auth } from "../../../auth/create-auth.ts";
import type { SessionCache } from "../../../auth/session-cache.ts";
import type { JobSystem } from "../../../jobs/create-job-system.ts";
import { jobStatuses } from "../../../jobs/job-queue.ts";
import { currentUser, requireUser } from "../current-user.ts";
import { parseInput } from "../validate.ts";

const listQuery = z.object({
  projectId: z.string().optional(),
  status: z.enum(jobStatuses, { error: `status must be one of ${jobStatuses.join(", ")}` }).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

/** How often an idle event stream sends a comment, so proxies keep it open. */
const keepAliveMs = 25_000;

/**
 * Jobs: get (with the output), list (by project and status; without outputs), cancel, retry; and
 * `/api/events`, the signed-in user's live Server-Sent Events stream (`job-created`, `job-progress`,
 * `job-finished`, `notification-created`).
 */
export function jobRoutes(deps: {
  auth: Auth;
  sessions: SessionCache;
  jobSystem: JobSystem;
  stopping: AbortSignal;
}): Router {
  const router = Router();
  const { jobs } = deps.jobSystem;
  router.use(["/api/jobs", "/api/events"], requireUser(deps));

  router.get("/api/jobs", async (request, response) => {
    const user = currentUser(response);
    const filter = parseInput(listQuery, request.query);
    const listed = await jobs.list(user.id, {
      ...(filter.projectId ? { projectId: filter.projectId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.limit ? { limit: filter.limit } : {}),
    });
    // Outputs can be large (a feature's breakdown carries every scene): the list leaves them out, and
    // `GET /api/jobs/:id` has the job with its output.
    response.json({ jobs: listed.map(({ output: _output, ...summary }) => summary) });
  });

  router.get("/api/jobs/:jobId", async (request, response) => {
    response.json({ job: await jobs.get(currentUser(response).id, request.params.jobId) });
  });

  router.post("/api/jobs/:jobId/cancel", async (request, response) => {
    response.json({ job: await jobs.cancel(currentUser(response).id, request.params.jobId) });
  });

  router.post("/api/jobs/:jobId/retry", async (request, response) => {
    const user = currentUser(response);
    const handle = await jobs.retry(user.id, request.params.jobId);
    response.status(201).json({ job: await jobs.get(user.id, handle.jobId) });
  });

  router.get("/api/events", async (request, response) => {
    const user = currentUser(response);
    response.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    });
    response.write(": connected\n\n");
    // Registered before subscribing: a stop or a disconnect may come while LISTEN is being set up.
    const end = () => response.end();
    deps.stopping.addEventListener("abort", end, { once: true });
    let closed = false;
    let keepAlive: NodeJS.Timeout | undefined;
    let unsubscribe: (() => Promise<void>) | undefined;
    request.on("close", () => {
      closed = true;
      clearInterval(keepAlive);
      deps.stopping.removeEventListener("abort", end);
      void unsubscribe?.();
    });
    // A stopping server ends the stream; the browser's EventSource reconnects to whichever server is up.
    if (deps.stopping.aborted) end();
    unsubscribe = await deps.jobSystem.subscribe(user.id, (event) => {
      response.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    });
    if (closed) {
      await unsubscribe();
      return;
    }
    keepAlive = setInterval(() => response.write(": keep-alive\n\n"), keepAliveMs);
  });

  return router;
}
