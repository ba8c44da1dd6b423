import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type PostgresHandle } from "../db/client.ts";
import { serverDatabaseUrl, testServerAdminUrl } from "../db/testing/server-url.ts";
import { createTestDatabase, type TestDatabase } from "../db/testing/test-database.ts";
import { createLogger } from "../lib/logger.ts";
import { createSessionCache, type LiveSession, type SessionCache } from "./session-cache.ts";

const logger = createLogger({ level: "silent" });
const minute = 60_000;
let database: TestDatabase;
const caches: SessionCache[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await Promise.all(caches.map((cache) => cache.close()));
  await database?.dispose();
});

function cacheOn(handle: Pick<TestDatabase, "notify" | "listen">, ttlMs: number) {
  const clock = { now: 1_000_000 };
  const cache = createSessionCache({ database: handle, logger, ttlMs, now: () => clock.now });
  caches.push(cache);
  return { cache, clock };
}

const session = (userId: string, clockNow: number): LiveSession => ({
  user: { id: userId, email: `${userId}@example.com`, name: userId, emailVerified: true },
  expiresAt: clockNow + 60 * minute,
  renewFrom: clockNow + 30 * minute,
});

/** A loader that counts how often the database would have been asked. */
function counting(value: () => LiveSession | undefined) {
  const loader = {
    calls: 0,
    load: async () => {
      loader.calls++;
      return value();
    },
  };
  return loader;
}

describe("session cache", () => {
  it("remembers a live session for its TTL and reads it again after", async () => {
    const { cache, clock } = cacheOn(database, minute);
    const loader = counting(() => session("ada", clock.now));
    expect((await cache.read("token-a", loader.load))?.user.id).toBe("ada");
    expect((await cache.read("token-a", loader.load))?.user.id).toBe("ada");
    expect(loader.calls).toBe(1);
    clock.now += minute;
    await cache.read("token-a", loader.load);
    expect(loader.calls).toBe(2);
  });

  it("never serves a session past its expiry or renewal time", async () => {
    const { cache, clock } = cacheOn(database, 24 * 60 * minute);
    const loader = counting(() => session("ada", clock.now));
    const first = await cache.read("token-b", loader.load);
    clock.now = first!.renewFrom;
    await cache.read("token-b", loader.load);
    expect(loader.calls).toBe(2);
  });

  it("forgets an ended session and every session of a changed user at once", async () => {
    const { cache, clock } = cacheOn(database, 60 * minute);
    let live: LiveSession | undefined = session("bola", clock.now);
    const loader = counting(() => live);
    await cache.read("token-c", loader.load);
    await cache.sessionChanged("token-c");
    live = undefined;
    expect(await cache.read("token-c", loader.load)).toBeUndefined();

    live = session("bola", clock.now);
    await cache.read("token-d", loader.load);
    await cache.read("token-e", loader.load);
    const before = loader.calls;
    await cache.userChanged("bola");
    await cache.read("token-d", loader.load);
    await cache.read("token-e", loader.load);
    expect(loader.calls).toBe(before + 2);
  });

  it("does not remember a read that raced a sign-out", async () => {
    const { cache, clock } = cacheOn(database, 60 * minute);
    const loader = counting(() => session("chidi", clock.now));
    await cache.read("warm-up", loader.load);
    // The database answered with the session, but the session ended before the answer arrived.
    await cache.read("token-f", async () => {
      await cache.sessionChanged("token-f");
      return session("chidi", clock.now);
    });
    await cache.read("token-f", loader.load);
    expect(loader.calls).toBe(2);
  });

  it("remembers nothing with a TTL of 0", async () => {
    const { cache, clock } = cacheOn(database, 0);
    const loader = counting(() => session("dayo", clock.now));
    await cache.read("token-g", loader.load);
    await cache.read("token-g", loader.load);
    expect(loader.calls).toBe(2);
  });

  // Two pools on one PostgreSQL database are two sessions, as two server processes would be: a sign-out in
  // one reaches the other only by NOTIFY.
  it.runIf(Boolean(testServerAdminUrl()))(
    "forgets a session ended in another process (LISTEN/NOTIFY)",
    async () => {
      if (database.mode !== "postgres") throw new Error("needs the PostgreSQL server");
      const other: PostgresHandle = await createDb({
        mode: "postgres",
        url: serverDatabaseUrl(testServerAdminUrl()!, database.client.options.database),
        maxConnections: 2,
      });
      try {
        const here = cacheOn(database, 60 * minute);
        const there = cacheOn(other, 60 * minute);
        const loader = counting(() => session("efe", there.clock.now));
        await there.cache.read("token-h", loader.load);
        await there.cache.read("token-h", loader.load);
        expect(loader.calls).toBe(1);
        await here.cache.sessionChanged("token-h");
        await vi.waitFor(
          async () => {
            await there.cache.read("token-h", loader.load);
            expect(loader.calls).toBeGreaterThan(1);
          },
          { timeout: 5_000 },
        );
      } finally {
        await Promise.all(caches.splice(-2).map((cache) => cache.close()));
        await other.close();
      }
    },
  );
});
