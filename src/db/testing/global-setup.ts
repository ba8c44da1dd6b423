import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type postgres from "postgres";
import type { TestProject } from "vitest/node";
import { createDb } from "../client.ts";
import { migrateDatabase } from "../migrate.ts";
import { serverDatabaseUrl, testServerAdminUrl } from "./server-url.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplateFile: string;
    serverTemplateDatabase: string | null;
  }
}

/**
 * Vitest global set-up: migrates one template database per run, which every test database is copied
 * from (PGlite: a data-dir dump; the PostgreSQL server: CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const directory = mkdtempSync(path.join(os.tmpdir(), "nollyai-template-"));
  const pglite = await createDb({ mode: "pglite", dataDir: "memory" });
  await migrateDatabase(pglite);
  const dump = await pglite.client.dumpDataDir("none");
  await pglite.close();
  const templateFile = path.join(directory, "template.tar");
  writeFileSync(templateFile, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplateFile", templateFile);

  const adminUrl = testServerAdminUrl();
  let serverTemplate: string | null = null;
  if (adminUrl) {
    serverTemplate = `nollyai_tpl_${randomBytes(4).toString("hex")}`;
    const admin = await createDb({ mode: "postgres", url: adminUrl, maxConnections: 1 });
    await dropTestDatabases(admin.client, "nollyai\\_t\\_%", { onlyIdle: true });
    await admin.client.unsafe(`CREATE DATABASE ${serverTemplate}`);
    const template = await createDb({ mode: "postgres", url: serverDatabaseUrl(adminUrl, serverTemplate) });
    await migrateDatabase(template);
    await template.close();
    await admin.close();
  }
  project.provide("serverTemplateDatabase", serverTemplate);

  return async () => {
    rmSync(directory, { recursive: true, force: true });
    if (adminUrl && serverTemplate) {
      const admin = await createDb({ mode: "postgres", url: adminUrl, maxConnections: 1 });
      await dropTestDatabases(admin.client, `${serverTemplate.replace("_tpl_", "_t_")}%`);
      await admin.client.unsafe(`DROP DATABASE IF EXISTS ${serverTemplate} WITH (FORCE)`);
      await admin.close();
    }
  };
}

/**
 * Drops test databases matching a LIKE pattern: this run's, or (`onlyIdle`) those a crashed run left behind,
 * which nobody is connected to, so a run going on beside this one keeps its own.
 */
async function dropTestDatabases(
  client: postgres.Sql,
  pattern: string,
  options: { onlyIdle?: boolean } = {},
): Promise<void> {
  const idle = options.onlyIdle
    ? " AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)"
    : "";
  const rows = await client.unsafe<{ datname: string }[]>(
    `SELECT datname FROM pg_database d WHERE datname LIKE $1${idle}`,
    [pattern],
  );
  for (const { datname } of rows) {
    await client.unsafe(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  }
}
