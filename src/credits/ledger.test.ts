import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withSystem } from "../db/rls.ts";
import { creditTransactions, jobs, profiles } from "../db/schema.ts";
import { type JobStudio, startJobStudio } from "../jobs/testing/job-studio.ts";
import {
  addCredits,
  creditBalance,
  ledgerMatchesBalance,
  recordSignUpGrant,
  spendCredits,
} from "./ledger.ts";

let harness: JobStudio;
let users = 0;

beforeAll(async () => {
  harness = await startJobStudio({}, { start: false });
});

afterAll(async () => {
  await harness?.close();
});

const operation = fc.oneof(
  fc.record({ kind: fc.constant("reserve" as const), amount: fc.integer({ min: 0, max: 30 }) }),
  fc.record({
    kind: fc.constant("complete" as const),
    job: fc.nat(9),
    actual: fc.integer({ min: 0, max: 40 }),
  }),
  fc.record({ kind: fc.constant("fail" as const), job: fc.nat(9) }),
  fc.record({ kind: fc.constant("cancel" as const), job: fc.nat(9) }),
);

describe("credit ledger", () => {
  it("keeps the balance non-negative and equal to the ledger under concurrent reserves, captures and refunds", async () => {
    const { db } = harness.database;
    const { jobSystem } = harness;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 60 }),
        fc.array(fc.array(operation, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }),
        async (initial, rounds) => {
          const userId = await harness.addUser(`prop-${++users}`, initial);
          const jobIds: string[] = [];
          for (const round of rounds) {
            // Each round runs concurrently, and every settlement is attempted twice (a retried delivery).
            await Promise.allSettled(
              round.flatMap((step) => {
                if (step.kind === "reserve") {
                  return [
                    jobSystem.jobs
                      .enqueue({
                        userId,
                        tool: "test-pipeline",
                        input: { text: "x" },
                        estimatedCredits: step.amount,
                      })
                      .then((handle) => void jobIds.push(handle.jobId)),
                  ];
                }
                const jobId = jobIds[step.job % Math.max(jobIds.length, 1)];
                if (!jobId) return [];
                const settle = () =>
                  step.kind === "complete"
                    ? jobSystem.runtime.complete({ jobId, output: null, actualCost: () => step.actual })
                    : step.kind === "fail"
                      ? jobSystem.runtime.fail(jobId, new Error("boom"))
                      : jobSystem.jobs.cancel(userId, jobId);
                return [settle(), settle()];
              }),
            );
            const balance = await creditBalance(db, userId);
            expect(balance).toBeGreaterThanOrEqual(0);
            expect(await withSystem(db, (tx) => ledgerMatchesBalance(tx, userId))).toBe(true);
          }
          const rows = await withSystem(db, (tx) => tx.select().from(jobs).where(eq(jobs.ownerId, userId)));
          const entries = await withSystem(db, (tx) =>
            tx.select().from(creditTransactions).where(eq(creditTransactions.ownerId, userId)),
          );
          for (const job of rows) {
            const own = entries.filter((entry) => entry.jobId === job.id);
            const kinds = own.map((entry) => entry.kind);
            expect(new Set(kinds).size).toBe(kinds.length);
            const returned = own
              .filter((entry) => entry.kind === "refund")
              .reduce((sum, entry) => sum + entry.amount, 0);
            if (job.status === "succeeded") expect(job.creditsReserved - returned).toBe(job.creditsCaptured);
            if (job.status === "failed" || job.status === "cancelled")
              expect(returned).toBe(job.creditsReserved);
            if (job.status === "queued") expect(returned).toBe(0);
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it("applies a spend, a purchase and the sign-up grant once each, by reference", async () => {
    const { db } = harness.database;
    const userId = await harness.addUser("buyer", 10);
    await recordSignUpGrant(db, userId, 10);
    await spendCredits(db, { userId, amount: 4, reference: "chat:1", description: "Chat message" });
    await spendCredits(db, { userId, amount: 4, reference: "chat:1", description: "Chat message" });
    await addCredits(db, {
      userId,
      kind: "purchase",
      amount: 50,
      reference: "stripe:evt_1",
      description: "50 credits",
    });
    await addCredits(db, {
      userId,
      kind: "purchase",
      amount: 50,
      reference: "stripe:evt_1",
      description: "50 credits",
    });
    expect(await creditBalance(db, userId)).toBe(56);
    await expect(
      spendCredits(db, { userId, amount: 57, reference: "chat:2", description: "Chat message" }),
    ).rejects.toMatchObject({ code: "payment_required:credits" });
    expect(await withSystem(db, (tx) => ledgerMatchesBalance(tx, userId))).toBe(true);
  });

  it("charges concurrent spends exactly once per reference and never below zero", async () => {
    const { db } = harness.database;
    const userId = await harness.addUser("chatty", 0);
    await addCredits(db, { userId, kind: "grant", amount: 10, reference: "grant:1", description: "Grant" });
    // The same message charged from six requests at once, and five others competing for what is left.
    const spend = (reference: string) =>
      spendCredits(db, { userId, amount: 3, reference, description: "Chat message" }).then(
        () => "charged",
        (error: { code?: string }) => error.code ?? String(error),
      );
    const outcomes = await Promise.all([
      ...Array.from({ length: 6 }, () => spend("chat:same")),
      ...Array.from({ length: 5 }, (_, index) => spend(`chat:other-${index}`)),
    ]);
    expect(outcomes.every((outcome) => outcome === "charged" || outcome === "payment_required:credits")).toBe(
      true,
    );
    const entries = await withSystem(db, (tx) =>
      tx.select().from(creditTransactions).where(eq(creditTransactions.ownerId, userId)),
    );
    // However the race went, a reference is charged at most once, and once if any of its requests succeeded.
    const sameCharged = outcomes.slice(0, 6).includes("charged");
    expect(entries.filter((entry) => entry.reference === "chat:same")).toHaveLength(sameCharged ? 1 : 0);
    // 10 credits pay for three messages of 3: the shared one and two others.
    expect(entries.filter((entry) => entry.kind === "capture")).toHaveLength(3);
    expect(await creditBalance(db, userId)).toBe(1);
    expect(await withSystem(db, (tx) => ledgerMatchesBalance(tx, userId))).toBe(true);
  });

  it("records a sign-up grant whether or not the profile was created holding it", async () => {
    const { db } = harness.database;
    const userId = await harness.addUser("fresh", 0);
    await withSystem(db, (tx) => tx.update(profiles).set({ credits: 0 }).where(eq(profiles.ownerId, userId)));
    await recordSignUpGrant(db, userId, 25);
    await recordSignUpGrant(db, userId, 25);
    expect(await creditBalance(db, userId)).toBe(25);
    expect(await withSystem(db, (tx) => ledgerMatchesBalance(tx, userId))).toBe(true);
  });

  it("refuses to edit the ledger", async () => {
    const { db } = harness.database;
    await expect(
      withSystem(db, (tx) => tx.update(creditTransactions).set({ amount: 1000 })),
    ).rejects.toThrow();
  });
});
