import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { createServerDatabase, startChildServer } from "./testing/child-server.ts";
import { waitFor } from "./testing/job-studio.ts";
import { countLines } from "./testing/test-jobs.ts";

type Finished = {
  job: { jobId: string; status: string; output: unknown; creditsCaptured: number };
  ledger: { kind: string; amount: number; jobId: string | null }[];
  balance: number;
};

const steps = 5;

/**
 * Kills a real server process with SIGKILL while step `killAt` runs, restarts it, and checks that the job
 * completes, that no finished step ran again, and that the credits were settled exactly once.
 */
async function crashAndResume(killAt: number, backend: Record<string, string>) {
  const directory = mkdtempSync(path.join(os.tmpdir(), "nollyai-crash-"));
  const countFile = path.join(directory, "count.log");
  const environment = { NOLLYAI_DATA_DIR: directory, JOB_LEASE_SECONDS: "2", ...backend };
  const plan = {
    userId: `crash-user-${killAt}`,
    credits: 40,
    estimatedCredits: 12,
    input: { countFile, steps, stepMs: 300 },
    templateFile: inject("pgliteTemplateFile"),
  };
  try {
    const first = startChildServer(environment, plan);
    const { jobId } = (await first.next("ready")) as { jobId: string };
    await waitFor(async () => (await countLines(countFile, `start:${jobId}:${killAt}`)) === 1, {
      timeoutMs: 60_000,
      what: `step ${killAt} to start`,
    });
    await first.kill("SIGKILL");
    expect(await countLines(countFile, `end:${jobId}:${killAt}`)).toBe(0);

    const second = startChildServer(environment, plan);
    const finished = (await second.next("finished")) as unknown as Finished;
    await second.kill("SIGTERM");

    expect(finished.job.status).toBe("succeeded");
    expect(finished.job.output).toEqual({ steps: [10, 20, 30, 40, 50], total: 150 });
    for (let step = 1; step <= steps; step++) {
      expect(await countLines(countFile, `end:${jobId}:${step}`), `step ${step} finished once`).toBe(1);
      const starts = await countLines(countFile, `start:${jobId}:${step}`);
      expect(starts, `step ${step} started`).toBe(step === killAt ? 2 : 1);
    }
    const entries = finished.ledger
      .filter((entry) => entry.jobId === jobId)
      .map((entry) => entry.kind)
      .sort();
    expect(entries).toEqual(["capture", "refund", "reserve"]);
    expect(finished.job.creditsCaptured).toBe(7);
    expect(finished.balance).toBe(40 - 7);
    expect(finished.ledger.reduce((sum, entry) => sum + entry.amount, 0)).toBe(finished.balance);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe("a job survives SIGKILL of its server and resumes after the last finished step", () => {
  it.each([1, 3, 5])(
    "on PGlite (file-backed), killed during step %i",
    async (killAt) => {
      await crashAndResume(killAt, {});
    },
    120_000,
  );

  it.each([2, 5])(
    "on the PostgreSQL server, killed during step %i",
    async (killAt) => {
      const server = await createServerDatabase();
      if (!server) {
        console.info("skipped: set NOLLYAI_TEST_DATABASE_URL to run the crash test on the PostgreSQL server");
        return;
      }
      try {
        await crashAndResume(killAt, { DATABASE_URL: server.url });
      } finally {
        await server.drop();
      }
    },
    120_000,
  );
});
