import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import express from "express";
import { parseConfig } from "../../config/env.ts";
import { recordSignUpGrant } from "../../credits/ledger.ts";
import { profiles, user } from "../../db/schema.ts";
import { createTestDatabase, type TestDatabase } from "../../db/testing/test-database.ts";
import { createLogger } from "../../lib/logger.ts";
import { createStudio, type Studio } from "../../studio.ts";
import { createApp } from "../../web/server/create-app.ts";
import { errorHandler } from "../../web/server/error-handler.ts";
import { creditRoutes } from "../../web/server/routes/credits.ts";
import { jobRoutes } from "../../web/server/routes/jobs.ts";
import { notificationRoutes } from "../../web/server/routes/notifications.ts";
import type { JobSystem } from "../create-job-system.ts";
import type { AnyJobDefinition } from "../define-job.ts";
import { testJobDefinitions } from "./test-jobs.ts";

export type JobStudio = {
  studio: Studio;
  jobSystem: JobSystem;
  database: TestDatabase;
  baseUrl: string;
  dataDir: string;
  /** A user with a profile holding `credits`, recorded in the ledger as a grant. */
  addUser(id: string, credits?: number): Promise<string>;
  close(): Promise<void>;
};

/**
 * The real studio with the job machinery wired as the composition root will wire it: the embedded executor
 * started, the jobs, credits and notifications routes mounted before the app, on a free local port.
 */
export async function startJobStudio(
  environment: Record<string, string> = {},
  options: { definitions?: readonly AnyJobDefinition[]; start?: boolean } = {},
): Promise<JobStudio> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "nollyai-jobs-"));
  const database = await createTestDatabase();
  const logger = createLogger({ level: "silent" });
  let server: Server | undefined;
  const listening = new Promise<number>((resolve) => {
    const probe = express().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
  const port = await listening;
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = parseConfig({
    NOLLYAI_DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    PUBLIC_URL: baseUrl,
    JOB_RETRY_BASE_SECONDS: "0.02",
    JOB_LEASE_SECONDS: "5",
    ...environment,
  });
  // One job system per database: the studio's own, running the test definitions.
  const studio = await createStudio(config, {
    database,
    logger,
    jobDefinitions: options.definitions ?? testJobDefinitions,
    jobPollMs: 100,
    startJobs: options.start !== false,
  });
  const jobSystem = studio.jobSystem;

  const app = express();
  app.use(["/api/jobs", "/api/notifications", "/api/credits"], express.json());
  app.use(jobRoutes({ ...studio, jobSystem }));
  app.use(creditRoutes({ ...studio, database }));
  app.use(notificationRoutes({ ...studio, notifications: jobSystem.notifications }));
  app.use(createApp(studio));
  app.use(errorHandler());
  server = app.listen(port, "127.0.0.1");
  await new Promise<void>((resolve) => server?.once("listening", resolve));

  return {
    studio,
    jobSystem,
    database,
    baseUrl,
    dataDir,
    async addUser(id, credits = 100) {
      await database.db
        .insert(user)
        .values({ id, name: id, email: `${id}@example.com`, emailVerified: true });
      await database.db.insert(profiles).values({ ownerId: id, displayName: id, credits });
      await recordSignUpGrant(database.db, id, credits);
      return id;
    },
    async close() {
      server?.closeAllConnections();
      await new Promise<void>((resolve) => server?.close(() => resolve()));
      await jobSystem.close();
      await database.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until `check` returns a value (not undefined/false), polling; fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false>,
  options: { timeoutMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${options.what ?? "a condition"}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
