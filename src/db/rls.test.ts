import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "./migrate.ts";
import { withUser } from "./rls.ts";
import { selectRows } from "./rows.ts";
import { files, profiles, projects, user } from "./schema.ts";
import { createTestDatabase, type TestDatabase } from "./testing/test-database.ts";

let database: TestDatabase;

async function addUser(id: string) {
  await database.db.insert(user).values({ id, name: id, email: `${id}@example.com` });
  await database.db.insert(profiles).values({ ownerId: id, displayName: id, credits: 10 });
}

beforeAll(async () => {
  database = await createTestDatabase();
  await addUser("alice");
  await addUser("bob");
  await withUser(database.db, "alice", async (tx) => {
    const [project] = await tx
      .insert(projects)
      .values({ ownerId: "alice", title: "Alice's film" })
      .returning();
    await tx.insert(files).values({
      ownerId: "alice",
      projectId: project!.id,
      name: "script.fountain",
      kind: "screenplay",
      mimeType: "text/plain",
      sizeBytes: 10,
      sha256: "0".repeat(64),
      storageKey: "alice/script",
    });
  });
});

afterAll(() => database.dispose());

describe(`row-level security (${process.env.NOLLYAI_TEST_DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("runs migrations a second time without change", async () => {
    await migrateDatabase(database);
    const [row] = await selectRows<{ count: number }>(
      database.db,
      sql`SELECT count(*)::int AS count FROM projects`,
    );
    expect(row?.count).toBe(1);
  });

  it("shows a user only their own rows even when the query has no owner filter", async () => {
    const aliceSees = await withUser(database.db, "alice", (tx) => tx.select().from(projects));
    const bobSees = await withUser(database.db, "bob", (tx) => tx.select().from(projects));
    const bobFiles = await withUser(database.db, "bob", (tx) => tx.select().from(files));
    expect(aliceSees).toHaveLength(1);
    expect(bobSees).toHaveLength(0);
    expect(bobFiles).toHaveLength(0);
  });

  it("lets no other user update or delete the rows", async () => {
    const updated = await withUser(database.db, "bob", (tx) =>
      tx.update(projects).set({ title: "stolen" }).returning(),
    );
    const deleted = await withUser(database.db, "bob", (tx) => tx.delete(files).returning());
    expect(updated).toHaveLength(0);
    expect(deleted).toHaveLength(0);
    const [project] = await withUser(database.db, "alice", (tx) => tx.select().from(projects));
    expect(project?.title).toBe("Alice's film");
  });

  it("refuses rows written in another user's name or into their project", async () => {
    await expect(
      withUser(database.db, "bob", (tx) => tx.insert(projects).values({ ownerId: "alice", title: "forged" })),
    ).rejects.toThrow();
    const [aliceProject] = await withUser(database.db, "alice", (tx) => tx.select().from(projects));
    await expect(
      withUser(database.db, "bob", (tx) =>
        tx.insert(files).values({
          ownerId: "bob",
          projectId: aliceProject!.id,
          name: "x",
          kind: "image",
          mimeType: "image/png",
          sizeBytes: 1,
          sha256: "1".repeat(64),
          storageKey: "bob/x",
        }),
      ),
    ).rejects.toThrow();
  });

  it("shows nothing when the user is not set, instead of everything", async () => {
    const rows = await database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL ROLE nollyai_app`);
      return tx.select().from(projects);
    });
    expect(rows).toHaveLength(0);
  });

  it("keeps credits out of the application role's reach", async () => {
    const failure = await withUser(database.db, "alice", (tx) =>
      tx.update(profiles).set({ credits: 1_000_000 }).where(eq(profiles.ownerId, "alice")),
    ).catch((error: Error) => error);
    expect((failure as Error).cause).toMatchObject({ message: expect.stringMatching(/permission denied/) });
  });

  it("keeps the turn and ledger functions out of the application role's reach", async () => {
    for (const call of [
      sql`SELECT ledger_spend('bob', -1000, 'gift', 'a gift to myself')`,
      sql`SELECT * FROM open_user_turn('bob', NULL, NULL, 't', 'm-1', '[]'::jsonb, 0, 'r', 'd')`,
    ]) {
      const failure = await withUser(database.db, "alice", (tx) => tx.execute(call)).catch(
        (error: Error) => error,
      );
      expect((failure as Error).cause).toMatchObject({ message: expect.stringMatching(/permission denied/) });
    }
  });

  it("never lets the balance go below zero", async () => {
    await expect(
      database.db.update(profiles).set({ credits: -1 }).where(eq(profiles.ownerId, "bob")),
    ).rejects.toThrow();
  });
});
