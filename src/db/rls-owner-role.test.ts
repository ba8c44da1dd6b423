import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type PostgresHandle } from "./client.ts";
import { migrateDatabase } from "./migrate.ts";
import { withSystem, withUser } from "./rls.ts";
import { projects, user } from "./schema.ts";
import { serverDatabaseUrl, testServerAdminUrl } from "./testing/server-url.ts";

const adminUrl = testServerAdminUrl();

/**
 * Production posture: the database is owned by an ordinary role (no superuser, which would bypass RLS).
 * Only the PostgreSQL server can show this; PGlite always runs as a superuser.
 */
describe.skipIf(!adminUrl)(
  "row-level security when the tables' owner is not a superuser (PostgreSQL server)",
  () => {
    const suffix = randomBytes(4).toString("hex");
    const owner = `nollyai_owner_${suffix}`;
    const database = `nollyai_t_owner_${suffix}`;
    let admin: PostgresHandle;
    let app: PostgresHandle;

    beforeAll(async () => {
      admin = await createDb({ mode: "postgres", url: adminUrl!, maxConnections: 1 });
      await admin.client.unsafe(`CREATE ROLE ${owner} LOGIN NOSUPERUSER CREATEROLE`);
      await admin.client.unsafe(`CREATE DATABASE ${database} OWNER ${owner}`);
      const asSuperuser = await createDb({
        mode: "postgres",
        url: serverDatabaseUrl(adminUrl!, database),
        maxConnections: 1,
      });
      await asSuperuser.client.unsafe("CREATE EXTENSION IF NOT EXISTS vector");
      await asSuperuser.close();
      const ownerUrl = new URL(serverDatabaseUrl(adminUrl!, database));
      ownerUrl.username = owner;
      app = await createDb({ mode: "postgres", url: ownerUrl.toString() });
      await migrateDatabase(app);
      await app.db.insert(user).values([
        { id: "ada", name: "Ada", email: "ada@example.com" },
        { id: "obi", name: "Obi", email: "obi@example.com" },
      ]);
      await withUser(app.db, "ada", (tx) =>
        tx.insert(projects).values({ ownerId: "ada", title: "Ada's film" }),
      );
    });

    afterAll(async () => {
      await app?.close();
      await admin.client.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.client.unsafe(`DROP OWNED BY ${owner}`).catch(() => undefined);
      await admin.client.unsafe(`DROP ROLE IF EXISTS ${owner}`);
      await admin.close();
    });

    it("runs the migrations as that owner", async () => {
      const [row] = await app.client`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`;
      expect(row?.rolsuper).toBe(false);
    });

    it("shows nothing to a query that declares neither a user nor system access", async () => {
      expect(await app.db.select().from(projects)).toHaveLength(0);
      await expect(app.db.insert(projects).values({ ownerId: "obi", title: "undeclared" })).rejects.toThrow();
    });

    it("shows each user their own rows and system work every row", async () => {
      expect(await withUser(app.db, "ada", (tx) => tx.select().from(projects))).toHaveLength(1);
      expect(await withUser(app.db, "obi", (tx) => tx.select().from(projects))).toHaveLength(0);
      expect(await withSystem(app.db, (tx) => tx.select().from(projects))).toHaveLength(1);
      const [setting] = await app.client`SELECT current_setting('app.system_access', true) AS value`;
      expect(setting?.value ?? "").not.toBe("on");
    });

    it("keeps system access to the transaction that declared it", async () => {
      await withSystem(app.db, (tx) => tx.execute(sql`SELECT 1`));
      expect(await app.db.select().from(projects)).toHaveLength(0);
    });
  },
);
