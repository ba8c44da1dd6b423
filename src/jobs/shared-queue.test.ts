import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../config/env.ts";
import { recordSignUpGrant } from "../credits/ledger.ts";
import { createDb } from "../db/client.ts";
import { withSystem } from "../db/rls.ts";
import { creditTransactions, jobs, profiles, user } from "../db/schema.ts";
import { createLogger } from "../lib/logger.ts";
import { createMailer } from "../mail/mailer.ts";
import { createLocalStorage } from "../storage/local-storage.ts";
import { createJobSystem } from "./create-job-system.ts";
import { createServerDatabase, startChildServer } from "./testing/child-server.ts";
import { waitFor } from "./testing/job-studio.ts";
import { testJobDefinitions } from "./testing/test-jobs.ts";

const jobCount = 200;

describe("two server processes sharing one PostgreSQL queue", () => {
  it(`finish ${jobCount} jobs, each exactly once`, async () => {
    const server = await createServerDatabase();
    if (!server) {
      console.info(
        "skipped: set NOLLYAI_TEST_DATABASE_URL to run the two-process queue test (PostgreSQL only)",
      );
      return;
    }
    const directory = mkdtempSync(path.join(os.tmpdir(), "nollyai-shared-"));
    const countFile = path.join(directory, "count.log");
    const environment = {
      DATABASE_URL: server.url,
      NOLLYAI_DATA_DIR: directory,
      JOB_CONCURRENCY: "4",
      JOB_USER_CONCURRENCY: "4",
    };
    const workers = [startChildServer(environment), startChildServer(environment)];
    const database = await createDb({ mode: "postgres", url: server.url });
    try {
      await Promise.all(workers.map((worker) => worker.next("ready")));
      const config = parseConfig(environment);
      const logger = createLogger({ level: "silent" });
      const producer = createJobSystem({
        config,
        database,
        storage: createLocalStorage(path.join(directory, "files")),
        mailer: createMailer({ from: config.MAIL_FROM, db: database.db, logger }),
        logger,
        definitions: testJobDefinitions,
      });
      const userIds = Array.from({ length: 8 }, (_, index) => `shared-${index}`);
      for (const id of userIds) {
        await database.db.insert(user).values({ id, name: id, email: `${id}@example.com` });
        await database.db.insert(profiles).values({ ownerId: id, displayName: id, credits: 100 });
        await recordSignUpGrant(database.db, id, 100);
      }
      const handles = await Promise.all(
        Array.from({ length: jobCount }, (_, index) =>
          producer.jobs.enqueue({
            userId: userIds[index % userIds.length]!,
            tool: "test-counting",
            input: { countFile, steps: 2 },
            estimatedCredits: 3,
          }),
        ),
      );
      await waitFor(
        async () => {
          const [row] = await withSystem(database.db, (tx) =>
            tx.select({ count: sql<number>`count(*)::int` }).from(jobs).where(eq(jobs.status, "succeeded")),
          );
          return row?.count === jobCount;
        },
        { timeoutMs: 120_000, what: "all jobs to succeed" },
      );
      const lines = readFileSync(countFile, "utf8").trim().split("\n");
      for (const handle of handles) {
        for (const step of [1, 2]) {
          expect(lines.filter((line) => line === `end:${handle.jobId}:${step}`)).toHaveLength(1);
          expect(lines.filter((line) => line === `start:${handle.jobId}:${step}`)).toHaveLength(1);
        }
      }
      const captures = await withSystem(database.db, (tx) =>
        tx.select().from(creditTransactions).where(eq(creditTransactions.kind, "capture")),
      );
      expect(captures).toHaveLength(jobCount);
      const balances = await withSystem(database.db, (tx) => tx.select().from(profiles));
      expect(balances.reduce((sum, profile) => sum + profile.credits, 0)).toBe(
        userIds.length * 100 - jobCount * 3,
      );
    } finally {
      await Promise.all(workers.map((worker) => worker.kill("SIGTERM")));
      await database.close();
      await server.drop();
      rmSync(directory, { recursive: true, force: true });
    }
  }, 180_000);
});
