import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "../db/client.ts";
import type { UserTransaction } from "../db/rls.ts";
import type { Logger } from "../lib/logger.ts";

/** The PostgreSQL channel that carries every user-facing live event. */
export const userEventChannel = "nollyai_user_events";

/** NOTIFY payloads are limited to 8000 bytes; larger events are sent without their bulky parts. */
const payloadLimit = 7_500;

type Envelope<Event> = { userId: string; event: Event };

/**
 * Live events per user across server processes: published with `pg_notify` inside the transaction that made
 * the change (so listeners hear it only once it is committed), received through one LISTEN per process
 * (PostgreSQL) or in process (PGlite), and fanned out to that user's subscribers.
 */
export function createUserEventBus<Event extends { type: string }>(
  database: Pick<DatabaseHandle, "listen">,
  logger: Logger,
  shrink: (event: Event) => Event = (event) => event,
) {
  const listeners = new Map<string, Set<(event: Event) => void>>();
  let stopListening: Promise<() => Promise<void>> | undefined;

  const deliver = (payload: string) => {
    try {
      const envelope = JSON.parse(payload) as Envelope<Event>;
      for (const listener of listeners.get(envelope.userId) ?? []) listener(envelope.event);
    } catch (error) {
      logger.warn({ err: error }, "ignored a malformed live event");
    }
  };

  return {
    /** Queues the event on the transaction; it is delivered when the transaction commits. */
    async publish(tx: UserTransaction, userId: string, event: Event): Promise<void> {
      let payload = JSON.stringify({ userId, event } satisfies Envelope<Event>);
      if (payload.length > payloadLimit) payload = JSON.stringify({ userId, event: shrink(event) });
      await tx.execute(sql`SELECT pg_notify(${userEventChannel}, ${payload})`);
    },

    /** Follows one user's events; returns the unsubscribe. */
    async subscribe(userId: string, listener: (event: Event) => void): Promise<() => Promise<void>> {
      stopListening ??= database.listen(userEventChannel, deliver);
      await stopListening;
      const set = listeners.get(userId) ?? new Set();
      set.add(listener);
      listeners.set(userId, set);
      return async () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(userId);
      };
    },

    /** Stops listening (server shutdown). */
    async close(): Promise<void> {
      const stop = stopListening;
      stopListening = undefined;
      listeners.clear();
      if (stop) await (await stop)();
    },
  };
}

export type UserEventBus<Event extends { type: string }> = ReturnType<typeof createUserEventBus<Event>>;
