import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditBalance, ledgerMatchesBalance } from "../credits/ledger.ts";
import { withSystem } from "../db/rls.ts";
import { creditTransactions, files, jobs, mailOutbox, projects } from "../db/schema.ts";
import { jobScratchPrefix } from "./define-job.ts";
import { type JobStudio, startJobStudio, waitFor } from "./testing/job-studio.ts";
import { countLines, setCancelLog } from "./testing/test-jobs.ts";

let harness: JobStudio;
let counter = 0;

beforeAll(async () => {
  harness = await startJobStudio();
});

afterAll(async () => {
  await harness?.close();
});

const countFile = () => path.join(harness.dataDir, `count-${++counter}.log`);

async function finished(userId: string, jobId: string) {
  return waitFor(
    async () => {
      const job = await harness.jobSystem.jobs.get(userId, jobId);
      return ["succeeded", "failed", "cancelled"].includes(job.status) ? job : undefined;
    },
    { what: `job ${jobId} to finish` },
  );
}

async function ledgerOf(jobId: string) {
  const rows = await withSystem(harness.database.db, (tx) =>
    tx.select().from(creditTransactions).where(eq(creditTransactions.jobId, jobId)),
  );
  return rows.map((row) => `${row.kind}:${row.amount}:${row.quantity}`).sort();
}

describe("durable jobs on the embedded executor", () => {
  it("runs a job to the end, captures its actual cost once and refunds the rest", async () => {
    const userId = await harness.addUser("runner", 50);
    const file = countFile();
    const handle = await harness.jobSystem.jobs.enqueue({
      userId,
      tool: "test-counting",
      input: { countFile: file, steps: 3 },
      estimatedCredits: 10,
    });
    expect(handle).toMatchObject({ status: "queued", estimatedCredits: 10 });
    const job = await finished(userId, handle.jobId);
    expect(job).toMatchObject({
      status: "succeeded",
      progress: 100,
      creditsReserved: 10,
      creditsCaptured: 5,
    });
    expect(job.output).toEqual({ steps: [10, 20, 30], total: 60 });
    expect(await ledgerOf(handle.jobId)).toEqual(["capture:0:5", "refund:5:5", "reserve:-10:10"]);
    expect(await creditBalance(harness.database.db, userId)).toBe(45);
    expect(await withSystem(harness.database.db, (tx) => ledgerMatchesBalance(tx, userId))).toBe(true);
    for (const step of [1, 2, 3]) expect(await countLines(file, `end:${handle.jobId}:${step}`)).toBe(1);
  });

  it("retries a transient failure with back-off and then succeeds", async () => {
    const userId = await harness.addUser("flaky", 50);
    const file = countFile();
    const handle = await harness.jobSystem.jobs.enqueue({
      userId,
      tool: "test-counting",
      input: { countFile: file, steps: 2, transientFailures: 1 },
      estimatedCredits: 4,
    });
    const job = await finished(userId, handle.jobId);
    expect(job.status).toBe("succeeded");
    expect(job.attempts).toBe(2);
    expect(await countLines(file, `start:${handle.jobId}:1`)).toBe(2);
    expect(await countLines(file, `end:${handle.jobId}:1`)).toBe(1);
    expect(await countLines(file, `start:${handle.jobId}:2`)).toBe(1);
  });

  it("fails after three attempts when the failure persists, refunding everything", async () => {
    const userId = await harness.addUser("doomed", 50);
    const file = countFile();
    const handle = await harness.jobSystem.jobs.enqueue({
      userId,
      tool: "test-counting",
      input: { countFile: file, steps: 2, transientFailures: 10 },
      estimatedCredits: 8,
    });
    const job = await finished(userId, handle.jobId);
    expect(job.status).toBe("failed");
    expect(job.attempts).toBe(3);
    expect(await countLines(file, `start:${handle.jobId}:1`)).toBe(3);
    expect(job.error?.code).toBe("internal:job");
    expect(job.error?.message).toMatch(/after 3 attempts.*Retry it/);
    expect(await ledgerOf(handle.jobId)).toEqual(["refund:8:8", "reserve:-8:8"]);
    expect(await creditBalance(harness.database.db, userId)).toBe(50);
  });

  it("does not retry a permanent failure and refunds the whole reservation", async () => {
    const userId = await harness.addUser("bad-input", 50);
    const file = countFile();
    const handle = await harness.jobSystem.jobs.enqueue({
      userId,
      tool: "test-counting",
      input: { countFile: file, steps: 3, permanentFailure: true },
      estimatedCredits: 9,
    });
    const job = await finished(userId, handle.jobId);
    expect(job.status).toBe("failed");
    expect(job.attempts).toBe(1);
    expect(await countLines(file, `start:${handle.jobId}:1`)).toBe(1);
    expect(job.error).toEqual({
      code: "bad_request:test_input",
      message: "The test input asks for a permanent failure.",
    });
    expect(await ledgerOf(handle.jobId)).toEqual(["refund:9:9", "reserve:-9:9"]);
    expect(await creditBalance(harness.database.db, userId)).toBe(50);
    const mails = await harness.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.recipient, "bad-input@example.com"));
    expect(mails.map((mail) => mail.subject)).toEqual(["Counting test failed"]);
  });

  it("refuses a job the balance cannot cover before any work, storing nothing", async () => {
    const userId = await harness.addUser("poor", 3);
    const attempt = harness.jobSystem.jobs.enqueue({
      userId,
      tool: "test-counting",
      input: { countFile: countFile(), steps: 1 },
      estimatedCredits: 4,
    });
    await expect(attempt).rejects.toMatchObject({ code: "payment_required:credits" });
    await expect(attempt).rejects.toThrow(/needs 4 and you have 3/);
    const rows = await withSystem(harness.database.db, (tx) =>
      tx.select().from(jobs).where(eq(jobs.ownerId, userId)),
    );
    expect(rows).toEqual([]);
    expect(await creditBalance(harness.database.db, userId)).toBe(3);
  });

  it("refuses bad input with a 400-class error before reserving anything", async () => {
    const userId = await harness.addUser("typo", 10);
    await expect(
      harness.jobSystem.jobs.enqueue({
        userId,
        tool: "test-counting",
        input: { steps: 0 },
        estimatedCredits: 1,
      }),
    ).rejects.toMatchObject({ code: "bad_request:job_input" });
    expect(await creditBalance(harness.database.db, userId)).toBe(10);
  });

  it("cancels a running job at the next step boundary, refunds it and cancels its external work", async () => {
    const userId = await harness.addUser("canceller", 50);
    const file = countFile();
    const cancelLog = path.join(harness.dataDir, "cancelled.log");
    writeFileSync(cancelLog, "");
    setCancelLog(cancelLog);
    const handle = await harness.jobSystem.jobs.enqueue({
      userId,
      tool: "test-counting",
      input: { countFile: file, steps: 4, stepMs: 150, externalId: "prediction-42" },
      estimatedCredits: 6,
    });
    await waitFor(async () => (await countLines(file, `start:${handle.jobId}:1`)) === 1, { what: "step 1" });
    const cancelled = await harness.jobSystem.jobs.cancel(userId, handle.jobId);
    expect(cancelled.status).toBe("cancelled");
    expect(readFileSync(cancelLog, "utf8")).toBe(`${handle.jobId} prediction-42\n`);
    // The running step may finish; nothing after it starts.
    await waitFor(async () => (await countLines(file, `end:${handle.jobId}:1`)) === 1, {
      what: "step 1 end",
    });
    const job = await harness.jobSystem.jobs.get(userId, handle.jobId);
    expect(job.status).toBe("cancelled");
    expect(await ledgerOf(handle.jobId)).toEqual(["refund:6:6", "reserve:-6:6"]);
    await expect(harness.jobSystem.jobs.cancel(userId, handle.jobId)).rejects.toMatchObject({
      code: "conflict:job_finished",
    });
    const retried = await harness.jobSystem.jobs.retry(userId, handle.jobId);
    const rerun = await finished(userId, retried.jobId);
    expect(rerun.status).toBe("succeeded");
    expect(await countLines(file, `start:${handle.jobId}:2`)).toBe(0);
  });

  it("runs higher priority first and keeps each user within their concurrency limit", async () => {
    const quiet = await startJobStudio({ JOB_CONCURRENCY: "3", JOB_USER_CONCURRENCY: "1" }, { start: false });
    try {
      const userId = await quiet.addUser("queue-user", 100);
      const file = path.join(quiet.dataDir, "order.log");
      const enqueue = (priority: number) =>
        quiet.jobSystem.jobs.enqueue({
          userId,
          tool: "test-counting",
          input: { countFile: file, steps: 1, stepMs: 40 },
          estimatedCredits: 1,
          priority,
        });
      const low = await enqueue(0);
      const high = await enqueue(5);
      const middle = await enqueue(2);
      await quiet.jobSystem.start();
      await waitFor(async () => (await countLines(file, `end:${low.jobId}:1`)) === 1, { what: "all jobs" });
      const lines = readFileSync(file, "utf8").trim().split("\n");
      expect(lines).toEqual([
        `start:${high.jobId}:1`,
        `end:${high.jobId}:1`,
        `start:${middle.jobId}:1`,
        `end:${middle.jobId}:1`,
        `start:${low.jobId}:1`,
        `end:${low.jobId}:1`,
      ]);
    } finally {
      await quiet.close();
    }
  });

  it("deletes finished jobs older than the retention period with their temporary files, never saved outputs", async () => {
    const { db } = harness.database;
    const { storage } = harness.studio;
    const userId = await harness.addUser("archivist", 20);
    const file = countFile();
    const old = await harness.jobSystem.jobs.enqueue({
      userId,
      tool: "test-counting",
      input: { countFile: file, steps: 1 },
      estimatedCredits: 1,
    });
    const recent = await harness.jobSystem.jobs.enqueue({
      userId,
      tool: "test-counting",
      input: { countFile: file, steps: 1 },
      estimatedCredits: 1,
    });
    await finished(userId, old.jobId);
    await finished(userId, recent.jobId);
    const [project] = await withSystem(db, (tx) =>
      tx.insert(projects).values({ ownerId: userId, title: "Keep" }).returning(),
    );
    const savedKey = `${userId}/${project!.id}/output.txt`;
    await storage.put(savedKey, Readable.from(["a saved output"]));
    await withSystem(db, (tx) =>
      tx.insert(files).values({
        ownerId: userId,
        projectId: project!.id,
        name: "output.txt",
        kind: "document",
        mimeType: "text/plain",
        sizeBytes: 14,
        sha256: "x",
        storageKey: savedKey,
      }),
    );
    const scratch = `${jobScratchPrefix({ ownerId: userId, jobId: old.jobId })}/frame-0001.png`;
    await storage.put(scratch, Readable.from(["temporary"]));
    await withSystem(db, (tx) =>
      tx
        .update(jobs)
        .set({ createdAt: new Date(Date.now() - 31 * 86_400_000) })
        .where(eq(jobs.id, old.jobId)),
    );

    await harness.jobSystem.runRetention();

    await expect(harness.jobSystem.jobs.get(userId, old.jobId)).rejects.toMatchObject({
      code: "not_found:job",
    });
    expect((await harness.jobSystem.jobs.get(userId, recent.jobId)).status).toBe("succeeded");
    expect(await storage.exists(scratch)).toBe(false);
    expect(await storage.exists(savedKey)).toBe(true);
    expect(await ledgerOf(old.jobId)).toEqual(["capture:0:1", "reserve:-1:1"]);
  });
});
