import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { createDb, type DatabaseHandle } from "../client.ts";
import { serverDatabaseUrl, testServerAdminUrl } from "./server-url.ts";

export type TestDatabase = DatabaseHandle & { dispose(): Promise<void> };

/**
 * A fresh, migrated database for one test file: on the PostgreSQL server when NOLLYAI_TEST_DATABASE_URL is
 * set (a new database copied from the run's template), otherwise PGlite in memory loaded from the template.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = testServerAdminUrl();
  const serverTemplate = inject("serverTemplateDatabase");
  if (adminUrl && serverTemplate) {
    const name = `${serverTemplate.replace("_tpl_", "_t_")}_${randomBytes(4).toString("hex")}`;
    const admin = await createDb({ mode: "postgres", url: adminUrl, maxConnections: 1 });
    await admin.client.unsafe(`CREATE DATABASE ${name} TEMPLATE ${serverTemplate}`);
    const handle = await createDb({ mode: "postgres", url: serverDatabaseUrl(adminUrl, name) });
    return {
      ...handle,
      async dispose() {
        await handle.close();
        await admin.client.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.close();
      },
    };
  }
  const template = readFileSync(inject("pgliteTemplateFile"));
  const handle = await createDb({ mode: "pglite", dataDir: "memory", loadDataDir: new Blob([template]) });
  return { ...handle, dispose: () => handle.close() };
}
