import {
  accessTokenRevokedChannel,
  hashAccessToken,
  onAccessTokenRevoked,
  type VerifiedAccessToken,
  verifyAccessToken,
} from "../auth/access-tokens.ts";
import { createAnnouncedMemory } from "../db/announced-memory.ts";
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

/**
 * Personal access token verification with a short in-process memory, so a busy MCP client does not cost a
 * database transaction per request. Keyed by the token's hash (the token itself is not kept as a key). A
 * revocation is honoured at once: in this process through `onAccessTokenRevoked`, from other processes
 * through LISTEN on `accessTokenRevokedChannel` (`db/announced-memory.ts`). The TTL bounds what a missed
 * notification (a dropped LISTEN connection, a row deleted with its user) could leave behind; an expiry is
 * honoured to the millisecond. When LISTEN is unavailable nothing is cached.
 */
export function createTokenVerificationCache(options: TokenVerificationCacheOptions): TokenVerificationCache {
  const { database } = options;
  const now = options.now ?? Date.now;
  const memory = createAnnouncedMemory<VerifiedAccessToken>({
    listen: database.listen,
    channel: accessTokenRevokedChannel,
    // A revocation announces the token's id; the memory is keyed by the token's hash.
    staleAfter: (tokenId, _hash, verified) => verified.tokenId === tokenId,
    logger: options.logger,
    describe: "access tokens",
    ttlMs: options.ttlMs ?? 30_000,
    ...(options.maxEntries ? { maxEntries: options.maxEntries } : {}),
    now,
  });
  const stopLocal = onAccessTokenRevoked(database.db, memory.changed);

  return {
    async verify(token) {
      const verified = await memory.read(
        hashAccessToken(token),
        async () => (await verifyAccessToken(database.db, token)) ?? undefined,
      );
      if (!verified) return null;
      const { expiresAt } = verified;
      return expiresAt !== null && expiresAt.getTime() <= now() ? null : verified;
    },
    async close() {
      stopLocal();
      await memory.close();
    },
  };
}
