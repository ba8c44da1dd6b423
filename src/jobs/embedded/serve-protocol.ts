import { InngestCommHandler, type InngestFunction } from "inngest";
import { z } from "zod";
import type { InngestClient } from "../inngest-client.ts";

/** A memoized step result, as the executor protocol sends it back to the SDK. */
export type StepState = { type: "data"; data: unknown } | { type: "error"; error: unknown };

/** One call of the serve protocol: run function `functionId` with these events and finished steps. */
export type ProtocolRequest = {
  functionId: string;
  /** The hashed id of one planned step to run (parallel steps), or undefined to let the SDK choose. */
  stepId?: string;
  event: Record<string, unknown>;
  runId: string;
  attempt: number;
  maxAttempts: number;
  steps: Record<string, StepState>;
  /** Hashed step ids in the order they finished. */
  stack: string[];
  /**
   * Let the SDK run the following steps in this same request, checkpointing each (see `checkpoints.ts`)
   * before it starts the next; the caller must have registered a checkpoint handler for `runId`.
   */
  checkpoint?: boolean;
};

export const protocolOperation = z.looseObject({
  id: z.string(),
  op: z.string(),
  name: z.string().optional(),
  displayName: z.string().optional(),
  data: z.unknown().optional(),
  error: z.unknown().optional(),
});

export type ProtocolOperation = z.infer<typeof protocolOperation>;

const protocolOperations = z.array(protocolOperation);

/** What the SDK answered: 206 with operations, 200 with the return value, or an error status. */
export type ProtocolResponse =
  | { kind: "operations"; operations: ProtocolOperation[]; noRetry: boolean }
  | { kind: "completed"; output: unknown }
  | { kind: "rejected"; status: number; error: unknown; noRetry: boolean };

type InProcessRequest = { url: URL; headers: Record<string, string>; body: unknown };
type InProcessResponse = { status: number; headers: Record<string, string>; body: string };

/**
 * Drives the Inngest SDK's serve protocol in process: the same `InngestCommHandler` that answers
 * `/api/inngest` gets a POST with `{ event, events, steps, ctx }` and answers as it would answer Inngest.
 * No HTTP hop, and the functions run exactly as they do under Inngest.
 */
export function createServeProtocol(client: InngestClient, functions: readonly InngestFunction.Any[]) {
  const handler = new InngestCommHandler({
    frameworkName: "nollyai-embedded",
    client,
    functions: [...functions],
    skipSignatureValidation: true,
    handler: (request: InProcessRequest) => ({
      body: () => request.body,
      headers: (key: string) => request.headers[key.toLowerCase()] ?? null,
      method: () => "POST",
      url: () => request.url,
      queryString: (key: string) => request.url.searchParams.get(key),
      transformResponse: (response: InProcessResponse): InProcessResponse => response,
    }),
  }).createHandler() as unknown as (request: InProcessRequest) => Promise<InProcessResponse>;

  return async function call(request: ProtocolRequest): Promise<ProtocolResponse> {
    const url = new URL("http://embedded.local/api/inngest");
    url.searchParams.set("fnId", request.functionId);
    url.searchParams.set("stepId", request.stepId ?? "step");
    const response = await handler({
      url,
      headers: { "content-type": "application/json", "x-inngest-run-id": request.runId },
      body: {
        event: request.event,
        events: [request.event],
        steps: request.steps,
        version: 2,
        ctx: {
          run_id: request.runId,
          attempt: request.attempt,
          max_attempts: request.maxAttempts,
          disable_immediate_execution: false,
          use_api: false,
          stack: { stack: request.stack, current: request.stack.length },
          // The SDK checkpoints only runs that name their function and queue item (as Inngest does).
          ...(request.checkpoint ? { fn_id: request.functionId, qi_id: request.runId } : {}),
        },
      },
    });
    const noRetry = headerValue(response.headers, "x-inngest-no-retry") === "true";
    const body: unknown = response.body ? JSON.parse(response.body) : null;
    if (response.status === 206) {
      const operations = protocolOperations.parse(Array.isArray(body) ? body : [body]);
      return { kind: "operations", operations, noRetry };
    }
    if (response.status === 200) return { kind: "completed", output: body };
    return { kind: "rejected", status: response.status, error: body, noRetry };
  };
}

export type ServeProtocol = ReturnType<typeof createServeProtocol>;

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return entry?.[1];
}
