import { z } from "zod";
import { type ProtocolOperation, protocolOperation } from "./serve-protocol.ts";

/**
 * Step checkpoints of runs the embedded executor drives. With checkpointing the Inngest SDK runs a function's
 * steps one after another in a single serve request and, after each step, posts it to the Inngest API
 * (`POST /v1/checkpoint/<runId>/async`) before starting the next; 409 there means the run was taken over and
 * stops it. The studio's client is given `checkpointFetch`, which answers those posts in process for the runs
 * registered here (the executor stores the step, fenced by its lease) and passes every other request on.
 */

/** A checkpointed step has the shape of an operation the SDK answers with. */
export type CheckpointedStep = ProtocolOperation;

/** What a run's checkpoint handler answers: stored, or stop (lease lost, cancelled, stopping). */
export type CheckpointAnswer = "stored" | "stop";

type CheckpointHandler = (steps: CheckpointedStep[]) => Promise<CheckpointAnswer>;

const handlers = new Map<string, CheckpointHandler>();
const checkpointPath = /^\/v1\/checkpoint\/([^/]+)\/async$/;
/** Built once: zod compiles a schema on first use, which costs more than the whole parse. */
const checkpointBody = z.object({ steps: z.array(protocolOperation) });

/** Routes the checkpoints of run `runId` to `handler` until the returned function is called. */
export function registerCheckpoints(runId: string, handler: CheckpointHandler): () => void {
  handlers.set(runId, handler);
  return () => {
    if (handlers.get(runId) === handler) handlers.delete(runId);
  };
}

/** The Inngest client's fetch: checkpoints of registered runs are answered here, the rest go to the network. */
export async function checkpointFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : input);
  const runId = checkpointPath.exec(url.pathname)?.[1];
  const handler = runId ? handlers.get(decodeURIComponent(runId)) : undefined;
  if (!handler) return globalThis.fetch(input, init);
  const body = checkpointBody.safeParse(JSON.parse(typeof init?.body === "string" ? init.body : "{}"));
  if (!body.success) {
    return new Response(JSON.stringify({ error: "unexpected checkpoint body" }), { status: 400 });
  }
  const answer = await handler(body.data.steps);
  return new Response(null, { status: answer === "stored" ? 200 : 409 });
}
