import { existsSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withSystem } from "../../db/rls.ts";
import { selectRows } from "../../db/rows.ts";
import { signedInClient } from "./testing/accounts.ts";
import type { TestClient } from "./testing/http-client.ts";
import { startTestStudio, type TestStudio } from "./testing/test-studio.ts";

let harness: TestStudio;
let alice: TestClient;
let bob: TestClient;
const password = "correct horse battery";
const fountain = "INT. MAMA PUT'S STALL - DAY\n\nTUNDE buys rice.\n";

const ownedTables = [
  "profiles",
  "projects",
  "files",
  "credit_transactions",
  "notifications",
  "access_tokens",
] as const;

/** Rows each table holds for the user, read as the system (RLS would hide them from anyone else). */
async function rowsOwnedBy(userId: string): Promise<Record<string, number>> {
  return withSystem(harness.studio.database.db, async (tx) => {
    const counts: Record<string, number> = {};
    for (const table of ownedTables) {
      const [row] = await selectRows<{ count: number }>(
        tx,
        sql`SELECT count(*)::int AS count FROM ${sql.identifier(table)} WHERE owner_id = ${userId}`,
      );
      counts[table] = row?.count ?? 0;
    }
    const [account] = await selectRows<{ count: number }>(
      tx,
      sql`SELECT count(*)::int AS count FROM "user" WHERE id = ${userId}`,
    );
    counts.user = account?.count ?? 0;
    return counts;
  });
}

const initialize = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "probe", version: "1" } },
};
const mcpStatus = async (token: string) =>
  (
    await fetch(`${harness.baseUrl}/mcp`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(initialize),
    })
  ).status;

async function userIdOf(client: TestClient): Promise<string> {
  const me = await client.get("/api/me");
  return (me.data.user as { id: string }).id;
}

async function projectWithFile(client: TestClient, title: string): Promise<string> {
  const created = await client.post("/api/projects", { title });
  const projectId = (created.data.project as { id: string }).id;
  expect((await client.upload(`/api/projects/${projectId}/files`, "stall.fountain", fountain)).status).toBe(
    201,
  );
  return projectId;
}

beforeAll(async () => {
  harness = await startTestStudio();
  alice = await signedInClient(harness.studio, harness.baseUrl, "alice@example.com", password);
  bob = await signedInClient(harness.studio, harness.baseUrl, "bob@example.com", password);
});
afterAll(() => harness?.close());

describe("deleting one's account", () => {
  it("asks for the right password and deletes nothing until it gets it", async () => {
    const aliceId = await userIdOf(alice);
    await projectWithFile(alice, "Kept until the password is right");
    const before = await rowsOwnedBy(aliceId);

    const withoutPassword = await alice.post("/api/auth/delete-user", {});
    expect(withoutPassword.status).toBe(400);
    expect(withoutPassword.data).toMatchObject({ code: "PASSWORD_REQUIRED" });
    const wrongPassword = await alice.post("/api/auth/delete-user", { password: "not my password" });
    expect(wrongPassword.status).toBe(400);
    expect(wrongPassword.data).toMatchObject({ code: "INVALID_PASSWORD" });

    expect((await alice.get("/api/me")).status).toBe(200);
    expect(await rowsOwnedBy(aliceId)).toEqual(before);
  });

  it("removes the account's rows, stored files, sessions and access tokens, and nobody else's", async () => {
    const aliceId = await userIdOf(alice);
    const bobId = await userIdOf(bob);
    await projectWithFile(alice, "Danfo Dreams");
    const bobProject = await projectWithFile(bob, "Owambe");
    const created = await alice.post("/api/access-tokens", { name: "IDE", scope: "read-write" });
    const token = String(created.data.token);
    expect(await mcpStatus(token)).toBe(200);
    const aliceFolder = path.join(harness.dataDir, "files", aliceId);
    expect(existsSync(aliceFolder)).toBe(true);
    const bobBefore = await rowsOwnedBy(bobId);
    expect((await rowsOwnedBy(aliceId)).files).toBeGreaterThan(0);

    const deleted = await alice.post("/api/auth/delete-user", { password });
    expect(deleted.status).toBe(200);

    expect((await alice.get("/api/me")).status).toBe(401);
    expect(await mcpStatus(token)).toBe(401);
    expect(existsSync(aliceFolder)).toBe(false);
    expect(await rowsOwnedBy(aliceId)).toEqual({
      profiles: 0,
      projects: 0,
      files: 0,
      credit_transactions: 0,
      notifications: 0,
      access_tokens: 0,
      user: 0,
    });
    const signIn = await alice.post("/api/auth/sign-in/email", { email: "alice@example.com", password });
    expect(signIn.status).toBe(401);

    expect(await rowsOwnedBy(bobId)).toEqual(bobBefore);
    const bobFiles = await bob.get(`/api/projects/${bobProject}/files`);
    expect(bobFiles.status).toBe(200);
    expect(bobFiles.data.files).toHaveLength(1);
  });
});
