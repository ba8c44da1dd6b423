/** `npm run db:migrate`: applies the committed migrations to the configured database and exits. */
import path from "node:path";
import { loadConfig } from "../config/env.ts";
import { createDb } from "./client.ts";
import { migrateDatabase } from "./migrate.ts";

const config = loadConfig();
const handle = config.DATABASE_URL
  ? await createDb({ mode: "postgres", url: config.DATABASE_URL })
  : await createDb({ mode: "pglite", dataDir: path.join(config.dataDir, "db") });
await migrateDatabase(handle);
await handle.close();
console.log(`Migrations applied (${handle.mode}).`);
