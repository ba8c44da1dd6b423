import { createHash } from "node:crypto";
import { createAnnouncedMemory } from "../db/announced-memory.ts";
import type { DatabaseHandle } from "../db/client.ts";
import type { Logger } from "../lib/logger.ts";

/** Where an ended session or a changed user is announced, so every process forgets what it remembered. */
export const sessionsChangedChannel = "nollyai_sessions_changed";

/** What a request needs of a live session: its user and when the session stops or is due for renewal. */
export type LiveSession = {
  user: { id: string; email: string; name: string; emailVerified: boolean };
  /** Milliseconds since the epoch. */
  expiresAt: number;
  /** From this moment better-auth renews the session, so the request must go through it. */
  renewFrom: number;
};

export type SessionCacheOptions = {
  database: Pick<DatabaseHandle, "notify" | "listen">;
  logger: Logger;
  /** How long a session read is trusted without asking the database again; 0 asks it every time. */
  ttlMs?: number;
  maxEntries?: number;
  /** The clock (milliseconds since the epoch); tests move it. */
  now?: () => number;
};

export type SessionCache = {
  /** The live session of a session token, read through `load` when it is not remembered. */
  read(token: string, load: () => Promise<LiveSession | undefined>): Promise<LiveSession | undefined>;
  /** A session ended (sign-out, revocation, deletion) or changed: forgotten here and in every process. */
  sessionChanged(token: string): Promise<void>;
  /** A user changed (name, e-mail, verification) or was deleted: all their sessions are forgotten. */
  userChanged(userId: string): Promise<void>;
  close(): Promise<void>;
};

/**
 * A short in-process memory of live sessions, so an authenticated request does not cost a session lookup.
 * better-auth's database hooks report every session deletion or update and every user update or deletion
 * (`create-auth.ts`); the change is forgotten here at once and announced on `sessionsChangedChannel`, which
 * every process LISTENs to (`db/announced-memory.ts`), so a sign-out holds everywhere (in this process before
 * its response is sent). The TTL bounds what a missed announcement could leave behind; expiry and renewal are
 * honoured to the millisecond. Without LISTEN nothing is remembered.
 */
export function createSessionCache(options: SessionCacheOptions): SessionCache {
  const memory = createAnnouncedMemory<LiveSession>({
    listen: options.database.listen,
    channel: sessionsChangedChannel,
    staleAfter: (change, hash, session) =>
      change === `session:${hash}` || change === `user:${session.user.id}`,
    usable: (session, now) => now < session.renewFrom && now < session.expiresAt,
    logger: options.logger,
    describe: "sessions",
    ttlMs: options.ttlMs ?? 30_000,
    ...(options.maxEntries ? { maxEntries: options.maxEntries } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const announce = async (change: string) => {
    memory.changed(change);
    await options.database.notify(sessionsChangedChannel, change);
  };
  return {
    read: (token, load) => memory.read(hashToken(token), load),
    sessionChanged: (token) => announce(`session:${hashToken(token)}`),
    userChanged: (userId) => announce(`user:${userId}`),
    close: () => memory.close(),
  };
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}
