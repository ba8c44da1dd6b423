/**
 * A job server as a real process, for crash and multi-process tests: the studio's database (PGlite under
 * NOLLYAI_DATA_DIR, or DATABASE_URL), the job system with the embedded executor and the test jobs.
 * argv[2], when given, is JSON `{ userId, credits, input, estimatedCredits, templateFile? }`: a job to create
 * once (on the first start). Prints JSON lines: `{"type":"ready"}`, then `{"type":"finished",…}` for it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { loadConfig } from "../../config/env.ts";
import { recordSignUpGrant } from "../../credits/ledger.ts";
import { createDb } from "../../db/client.ts";
import { migrateDatabase } from "../../db/migrate.ts";
import { withSystem } from "../../db/rls.ts";
import { creditTransactions, jobs, profiles, user } from "../../db/schema.ts";
import { createLogger } from "../../lib/logger.ts";
import { createMailer } from "../../mail/mailer.ts";
import { createLocalStorage } from "../../storage/local-storage.ts";
import { createJobSystem } from "../create-job-system.ts";
import { testJobDefinitions } from "./test-jobs.ts";

type Plan = {
  userId: string;
  credits: number;
  input: unknown;
  estimatedCredits: number;
  templateFile?: string;
};

const config = loadConfig();
const plan = process.argv[2] ? (JSON.parse(process.argv[2]) as Plan) : undefined;
const logger = createLogger({ level: config.LOG_LEVEL });
const databaseDirectory = path.join(config.dataDir, "db");
const database = config.DATABASE_URL
  ? await createDb({ mode: "postgres", url: config.DATABASE_URL })
  : await createDb({
      mode: "pglite",
      dataDir: databaseDirectory,
      ...(plan?.templateFile && !existsDatabase(databaseDirectory)
        ? { loadDataDir: new Blob([readFileSync(plan.templateFile)]) }
        : {}),
    });
await migrateDatabase(database);
const storage = createLocalStorage(path.join(config.dataDir, "files"));
const mailer = createMailer({ from: config.MAIL_FROM, db: database.db, logger });
const system = createJobSystem({
  config,
  database,
  storage,
  mailer,
  logger,
  definitions: testJobDefinitions,
  pollMs: 500,
});

if (plan) {
  const existing = await withSystem(database.db, (tx) =>
    tx.select().from(jobs).where(eq(jobs.ownerId, plan.userId)),
  );
  const report = async (jobId: string) => {
    const job = await system.jobs.get(plan.userId, jobId);
    if (!["succeeded", "failed", "cancelled"].includes(job.status)) return;
    const ledger = await withSystem(database.db, (tx) =>
      tx.select().from(creditTransactions).where(eq(creditTransactions.ownerId, plan.userId)),
    );
    const [profile] = await withSystem(database.db, (tx) =>
      tx.select().from(profiles).where(eq(profiles.ownerId, plan.userId)),
    );
    console.log(JSON.stringify({ type: "finished", job, ledger, balance: profile?.credits }));
    await system.close();
    await database.close();
    process.exit(0);
  };
  await system.subscribe(plan.userId, (event) => {
    if (event.type === "job-finished") void report(event.job.jobId);
  });
  let jobId = existing[0]?.id;
  if (!jobId) {
    await database.db
      .insert(user)
      .values({ id: plan.userId, name: "crash", email: `${plan.userId}@example.com` });
    await database.db
      .insert(profiles)
      .values({ ownerId: plan.userId, displayName: "crash", credits: plan.credits });
    await recordSignUpGrant(database.db, plan.userId, plan.credits);
    jobId = (
      await system.jobs.enqueue({
        userId: plan.userId,
        tool: "test-counting",
        input: plan.input,
        estimatedCredits: plan.estimatedCredits,
      })
    ).jobId;
  }
  await system.start();
  console.log(JSON.stringify({ type: "ready", jobId }));
  await report(jobId);
} else {
  await system.start();
  console.log(JSON.stringify({ type: "ready" }));
}

const stop = async () => {
  await system.close();
  await database.close();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());

function existsDatabase(directory: string): boolean {
  try {
    readFileSync(path.join(directory, "PG_VERSION"));
    return true;
  } catch {
    return false;
  }
}
