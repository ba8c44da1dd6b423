import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { createDb } from "../../db/client.ts";

/**
 * A fresh embedded data directory whose database is already migrated (unpacked from the run's template),
 * so a spawned stdio server opens it instead of migrating from nothing.
 */
export async function seededDataDir(): Promise<string> {
  const directory = mkdtempSync(path.join(os.tmpdir(), "nollyai-mcp-stdio-"));
  const template = new Blob([readFileSync(inject("pgliteTemplateFile"))]);
  const database = await createDb({
    mode: "pglite",
    dataDir: path.join(directory, "db"),
    loadDataDir: template,
  });
  await database.close();
  return directory;
}
