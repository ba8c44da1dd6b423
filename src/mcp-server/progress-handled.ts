import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import {
  EmptyResultSchema,
  type ServerNotification,
  type ServerRequest,
} from "@modelcontextprotocol/sdk/types.js";
import type { Logger } from "../lib/logger.ts";

/** A client that does not answer a ping within this long gets the result anyway. */
const pingTimeoutMs = 5_000;

/**
 * Resolves once the client has handled every progress notification sent so far for this request, by a ping
 * round trip: the client reads its messages in order, so it answers the ping only after the notifications
 * written before it. Without this, the SDK's 1.x client, which handles a notification one microtask after
 * reading it but a response at once, drops any progress that reaches it in the same read as the result as
 * "unknown token" (modelcontextprotocol/typescript-sdk#2580; some clients even close the connection over it).
 * Never fails: a client that cannot be pinged still gets its result.
 */
export async function progressHandledByClient(
  extra: RequestHandlerExtra<ServerRequest, ServerNotification>,
  logger: Logger,
): Promise<void> {
  if (extra.signal.aborted) return;
  try {
    await extra.sendRequest({ method: "ping" }, EmptyResultSchema, { timeout: pingTimeoutMs });
  } catch (error) {
    logger.debug({ err: error }, "client did not answer the ping after progress; answering anyway");
  }
}
