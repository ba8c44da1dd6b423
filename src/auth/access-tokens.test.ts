import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { withUser } from "../db/rls.ts";
import { accessTokens, profiles, user } from "../db/schema.ts";
import { createTestDatabase, type TestDatabase } from "../db/testing/test-database.ts";
import {
  accessTokenPrefix,
  accessTokenRevokedChannel,
  createAccessToken,
  hashAccessToken,
  listAccessTokens,
  onAccessTokenRevoked,
  revokeAccessToken,
  verifyAccessToken,
} from "./access-tokens.ts";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  for (const id of ["tolu", "chidi"]) {
    await database.db.insert(user).values({ id, name: id, email: `${id}@example.com`, emailVerified: true });
    await database.db.insert(profiles).values({ ownerId: id, displayName: id, credits: 10 });
  }
});
afterAll(() => database.dispose());

describe("personal access tokens", () => {
  it("returns the token once, stores only its SHA-256 and verifies it to the owner and scope", async () => {
    const { token, accessToken } = await createAccessToken(database.db, {
      userId: "tolu",
      name: "Claude Desktop",
      scope: "read",
    });
    expect(token.startsWith(accessTokenPrefix)).toBe(true);
    expect(accessToken).toMatchObject({ name: "Claude Desktop", scope: "read", expiresAt: null });
    expect(JSON.stringify(accessToken)).not.toContain(token.slice(accessTokenPrefix.length));

    const [row] = await database.db.select().from(accessTokens).where(eq(accessTokens.id, accessToken.id));
    expect(row?.tokenHash).toBe(hashAccessToken(token));
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.lastUsedAt).toBeNull();

    expect(await verifyAccessToken(database.db, token)).toMatchObject({
      userId: "tolu",
      scope: "read",
      tokenId: accessToken.id,
    });
    const [used] = await database.db.select().from(accessTokens).where(eq(accessTokens.id, accessToken.id));
    expect(used?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("answers null for malformed, unknown, revoked and expired tokens", async () => {
    expect(await verifyAccessToken(database.db, "")).toBeNull();
    expect(await verifyAccessToken(database.db, "Bearer nonsense")).toBeNull();
    expect(await verifyAccessToken(database.db, `${accessTokenPrefix}${"A".repeat(43)}`)).toBeNull();

    const revoked = await createAccessToken(database.db, { userId: "tolu", name: "old laptop" });
    expect(await verifyAccessToken(database.db, revoked.token)).not.toBeNull();
    const view = await revokeAccessToken(database.db, "tolu", revoked.accessToken.id);
    expect(view.revokedAt).not.toBeNull();
    expect(await verifyAccessToken(database.db, revoked.token)).toBeNull();

    const expiring = await createAccessToken(database.db, { userId: "tolu", name: "ci", expiresInDays: 1 });
    expect(expiring.accessToken.expiresAt).not.toBeNull();
    expect(await verifyAccessToken(database.db, expiring.token)).not.toBeNull();
    await database.db
      .update(accessTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(accessTokens.id, expiring.accessToken.id));
    expect(await verifyAccessToken(database.db, expiring.token)).toBeNull();
  });

  it("lists and revokes only the owner's tokens", async () => {
    const chidis = await createAccessToken(database.db, {
      userId: "chidi",
      name: "IDE",
      scope: "read-write",
    });
    const toluList = await listAccessTokens(database.db, "tolu");
    expect(toluList.map((token) => token.id)).not.toContain(chidis.accessToken.id);
    expect((await listAccessTokens(database.db, "chidi")).map((token) => token.id)).toEqual([
      chidis.accessToken.id,
    ]);
    await expect(revokeAccessToken(database.db, "tolu", chidis.accessToken.id)).rejects.toMatchObject({
      code: "not_found:access_token",
    });
    await expect(revokeAccessToken(database.db, "tolu", "not-an-id")).rejects.toMatchObject({
      code: "not_found:access_token",
    });
    expect(await verifyAccessToken(database.db, chidis.token)).toMatchObject({ userId: "chidi" });
    // Row-level security: a user's transaction sees no one else's token rows, even without a filter.
    const seen = await withUser(database.db, "tolu", (tx) => tx.select().from(accessTokens));
    expect(seen.every((row) => row.ownerId === "tolu")).toBe(true);
  });

  it("announces a revocation to this process before returning and to every process over NOTIFY", async () => {
    const { accessToken } = await createAccessToken(database.db, { userId: "tolu", name: "tablet" });
    const heardHere: string[] = [];
    const heardOverNotify: string[] = [];
    const stopHere = onAccessTokenRevoked(database.db, (tokenId) => heardHere.push(tokenId));
    const unlisten = await database.listen(accessTokenRevokedChannel, (tokenId) =>
      heardOverNotify.push(tokenId),
    );
    try {
      await revokeAccessToken(database.db, "tolu", accessToken.id);
      expect(heardHere).toEqual([accessToken.id]);
      await vi.waitFor(() => expect(heardOverNotify).toEqual([accessToken.id]));
    } finally {
      stopHere();
      await unlisten();
    }
  });
});
