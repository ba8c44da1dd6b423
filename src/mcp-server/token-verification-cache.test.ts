import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAccessToken, revokeAccessToken } from "../auth/access-tokens.ts";
import { createDb, type PostgresHandle } from "../db/client.ts";
import { accessTokens, profiles, user } from "../db/schema.ts";
import { serverDatabaseUrl, testServerAdminUrl } from "../db/testing/server-url.ts";
import { createTestDatabase, type TestDatabase } from "../db/testing/test-database.ts";
import { createLogger } from "../lib/logger.ts";
import { createTokenVerificationCache, type TokenVerificationCache } from "./token-verification-cache.ts";

const logger = createLogger({ level: "silent" });
const minute = 60_000;
let database: TestDatabase;
const caches: TokenVerificationCache[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.insert(user).values({ id: "ada", name: "ada", email: "ada@example.com" });
  await database.db.insert(profiles).values({ ownerId: "ada", displayName: "ada", credits: 10 });
});
afterAll(async () => {
  await Promise.all(caches.map((cache) => cache.close()));
  await database?.dispose();
});

/** A cache on `handle` whose clock the test moves. */
function cacheOn(handle: Pick<TestDatabase, "db" | "listen">, ttlMs: number) {
  const clock = { now: Date.now() };
  const cache = createTokenVerificationCache({ database: handle, logger, ttlMs, now: () => clock.now });
  caches.push(cache);
  return { cache, clock };
}

/** Marks a token revoked behind the studio's back: no announcement, as if the notification were lost. */
const revokeSilently = (tokenId: string) =>
  database.db.update(accessTokens).set({ revokedAt: new Date() }).where(eq(accessTokens.id, tokenId));

describe("token verification cache", () => {
  it("remembers a verified token for its TTL and asks the database again after it", async () => {
    const { cache, clock } = cacheOn(database, minute);
    const { token, accessToken } = await createAccessToken(database.db, { userId: "ada", name: "ide" });
    expect(await cache.verify(token)).toMatchObject({ userId: "ada", tokenId: accessToken.id });

    await revokeSilently(accessToken.id);
    // Within the TTL the answer comes from memory (the database would say revoked)...
    clock.now += minute - 1;
    expect(await cache.verify(token)).toMatchObject({ userId: "ada" });
    // ...and the TTL bounds how long a missed revocation can be trusted.
    clock.now += 1;
    expect(await cache.verify(token)).toBeNull();
  });

  it("forgets a token revoked in this process before the revocation returns", async () => {
    const { cache } = cacheOn(database, 10 * minute);
    const { token, accessToken } = await createAccessToken(database.db, { userId: "ada", name: "cli" });
    expect(await cache.verify(token)).not.toBeNull();
    await revokeAccessToken(database.db, "ada", accessToken.id);
    expect(await cache.verify(token)).toBeNull();
  });

  it("honours a remembered token's expiry to the millisecond", async () => {
    const { cache, clock } = cacheOn(database, 3 * 24 * 60 * minute);
    const { token, accessToken } = await createAccessToken(database.db, {
      userId: "ada",
      name: "ci",
      expiresInDays: 1,
    });
    const expiresAt = Date.parse(accessToken.expiresAt!);
    expect(await cache.verify(token)).not.toBeNull();
    clock.now = expiresAt - 1;
    expect(await cache.verify(token)).not.toBeNull();
    clock.now = expiresAt;
    expect(await cache.verify(token)).toBeNull();
  });

  it("answers null for malformed and unknown tokens and remembers nothing of them", async () => {
    const { cache } = cacheOn(database, minute);
    expect(await cache.verify("")).toBeNull();
    expect(await cache.verify(`nollyai_pat_${"B".repeat(43)}`)).toBeNull();
    expect(await cache.verify(`nollyai_pat_${"B".repeat(43)}`)).toBeNull();
  });

  // Two connection pools to one PostgreSQL database are two sessions, as two server processes would be: a
  // revocation through one reaches the other only by NOTIFY (the in-process announcement is per pool).
  it.runIf(Boolean(testServerAdminUrl()))(
    "forgets a token revoked by another process promptly (LISTEN/NOTIFY)",
    async () => {
      if (database.mode !== "postgres") throw new Error("needs the PostgreSQL server");
      const adminUrl = testServerAdminUrl()!;
      const other: PostgresHandle = await createDb({
        mode: "postgres",
        url: serverDatabaseUrl(adminUrl, database.client.options.database),
        maxConnections: 2,
      });
      try {
        // A TTL far beyond the test: only the notification can make this process forget the token.
        const { cache } = cacheOn(other, 60 * minute);
        const { token, accessToken } = await createAccessToken(database.db, { userId: "ada", name: "web" });
        expect(await cache.verify(token)).toMatchObject({ userId: "ada" });
        await revokeAccessToken(database.db, "ada", accessToken.id);
        await vi.waitFor(async () => expect(await cache.verify(token)).toBeNull(), { timeout: 5_000 });
      } finally {
        await Promise.all(caches.splice(-1).map((cache) => cache.close()));
        await other.close();
      }
    },
  );
});
