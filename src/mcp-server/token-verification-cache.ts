import {
  accessTokenRevokedChannel,
  hashAccessToken,
  onAccessTokenRevoked,
  type VerifiedAccessToken,
  verifyAccessToken,
} from "../auth/access-tokens.ts";
import type { DatabaseHandle } from "../db/client.ts";
import type { Logger } from "../lib/logger.ts";

export type TokenVerificationCacheOptions = {
  database: Pick<DatabaseHandle, "db" | "listen">;
  logger: Logger;
  /** How long a verification is trusted without asking the database again; 0 asks it every time. */
  ttlMs?: number;
  /** At most this many tokens are held; the oldest go first. */
  maxEntries?: number;
  /** The clock (milliseconds since the epoch); tests move it. */
  now?: () => number;
};

export type TokenVerificationCache = {
  /** The token's user and scope, or null when it is malformed, unknown, revoked or expired. */
  verify(token: string): Promise<VerifiedAccessToken | null>;
  /** Stops listening for revocations and forgets every token. */
  close(): Promise<void>;
};

type Entry = { verified: VerifiedAccessToken; freshUntil: number };

/**
 * Personal access token verification with a short in-process memory, so a busy MCP client does not cost a
 * database transaction per request. Keyed by the token's hash (the token itself is not kept as a key). A
 * revocation is honoured at once: in this process through `onAccessTokenRevoked`, from other processes
 * through LISTEN on `accessTokenRevokedChannel`. The TTL bounds what a missed notification (a dropped LISTEN
 * connection, a row deleted with its user) could leave behind; an expiry is honoured to the millisecond.
 * When LISTEN is unavailable nothing is cached.
 */
export function createTokenVerificationCache(options: TokenVerificationCacheOptions): TokenVerificationCache {
  const { database, logger } = options;
  const ttlMs = options.ttlMs ?? 30_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  /** Bumped by every revocation heard, so a lookup that raced one is not remembered. */
  let revocationsHeard = 0;
  let listening: Promise<boolean> | undefined;
  let stopListening: (() => Promise<void>) | undefined;
  let closed = false;

  const forget = (tokenId: string) => {
    revocationsHeard++;
    for (const [hash, entry] of entries) {
      if (entry.verified.tokenId === tokenId) entries.delete(hash);
    }
  };
  const stopLocal = onAccessTokenRevoked(database.db, forget);
  const startListening = () => {
    listening ??= database.listen(accessTokenRevokedChannel, forget).then(
      (unlisten) => {
        stopListening = unlisten;
        return true;
      },
      (error: unknown) => {
        logger.warn({ err: error }, "cannot LISTEN for token revocations; verifying every request");
        return false;
      },
    );
    return listening;
  };

  return {
    async verify(token) {
      const hash = hashAccessToken(token);
      const cached = entries.get(hash);
      if (cached) {
        const { expiresAt } = cached.verified;
        if (expiresAt !== null && expiresAt.getTime() <= now()) {
          entries.delete(hash);
          return null;
        }
        if (now() < cached.freshUntil) return cached.verified;
        entries.delete(hash);
      }

      const canRemember = ttlMs > 0 && !closed && (await startListening());
      const heardBefore = revocationsHeard;
      const verified = await verifyAccessToken(database.db, token);
      if (verified && canRemember && revocationsHeard === heardBefore) {
        entries.set(hash, { verified, freshUntil: now() + ttlMs });
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      }
      return verified;
    },
    async close() {
      closed = true;
      stopLocal();
      entries.clear();
      if (listening && (await listening)) await stopListening?.();
    },
  };
}
