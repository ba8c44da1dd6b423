import { createHash } from "node:crypto";
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

type Entry = { session: LiveSession; freshUntil: number };

/**
 * A short in-process memory of live sessions, so an authenticated request does not cost a session lookup.
 * better-auth's database hooks report every session deletion or update and every user update or deletion
 * (`create-auth.ts`); the change is forgotten here at once and announced on `sessionsChangedChannel`, which
 * every process LISTENs to, so a sign-out holds everywhere (in this process before its response is sent).
 * The TTL bounds what a missed announcement (a dropped LISTEN connection) could leave behind; expiry and
 * renewal are honoured to the millisecond. Without LISTEN nothing is remembered.
 */
export function createSessionCache(options: SessionCacheOptions): SessionCache {
  const ttlMs = options.ttlMs ?? 30_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  /** Bumped by every change heard, so a read that raced one is not remembered. */
  let changesHeard = 0;
  let listening: Promise<boolean> | undefined;
  let stopListening: (() => Promise<void>) | undefined;
  let closed = false;

  const forget = (message: string) => {
    changesHeard++;
    const [kind, key] = [message.slice(0, message.indexOf(":")), message.slice(message.indexOf(":") + 1)];
    if (kind === "session") entries.delete(key);
    if (kind === "user") {
      for (const [hash, entry] of entries) if (entry.session.user.id === key) entries.delete(hash);
    }
  };
  const announce = async (message: string) => {
    forget(message);
    await options.database.notify(sessionsChangedChannel, message);
  };
  const startListening = () => {
    listening ??= options.database.listen(sessionsChangedChannel, forget).then(
      (unlisten) => {
        stopListening = unlisten;
        return true;
      },
      (error: unknown) => {
        options.logger.warn({ err: error }, "cannot LISTEN for session changes; reading every session");
        return false;
      },
    );
    return listening;
  };

  return {
    async read(token, load) {
      const hash = hashToken(token);
      const cached = entries.get(hash);
      if (cached) {
        if (
          now() < cached.freshUntil &&
          now() < cached.session.renewFrom &&
          now() < cached.session.expiresAt
        ) {
          return cached.session;
        }
        entries.delete(hash);
      }
      const canRemember = ttlMs > 0 && !closed && (await startListening());
      const heardBefore = changesHeard;
      const session = await load();
      if (session && canRemember && changesHeard === heardBefore) {
        entries.set(hash, { session, freshUntil: now() + ttlMs });
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      }
      return session;
    },
    sessionChanged: (token) => announce(`session:${hashToken(token)}`),
    userChanged: (userId) => announce(`user:${userId}`),
    async close() {
      closed = true;
      entries.clear();
      if (listening && (await listening)) await stopListening?.();
    },
  };
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}
