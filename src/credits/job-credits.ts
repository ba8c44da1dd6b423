import type { UserTransaction } from "../db/rls.ts";
import { applyLedgerEntry, type LedgerEntryResult } from "./ledger-entry.ts";

/**
 * A job's credits: reserved before it starts, settled once when it ends. Every function runs inside the
 * caller's system transaction (the one that changes the job's status), and each entry is unique per
 * (job, kind), so retries, crashes and concurrent requests apply each at most once.
 */

/** Reserves the estimate (`payment_required:credits` when the balance cannot cover it). */
export async function reserveJobCredits(
  tx: UserTransaction,
  job: { userId: string; jobId: string; tool: string; amount: number },
): Promise<LedgerEntryResult | undefined> {
  if (job.amount <= 0) return undefined;
  return applyLedgerEntry(tx, {
    userId: job.userId,
    jobId: job.jobId,
    kind: "reserve",
    amount: -job.amount,
    quantity: job.amount,
    description: `Reserved for ${job.tool}`,
  });
}

/** What settling captures: the actual cost rounded, at least nothing and at most the reservation. */
export function capturedCredits(reserved: number, actual: number): number {
  if (reserved <= 0) return 0;
  return Math.max(0, Math.min(reserved, Math.round(actual)));
}

/** Captures the actual cost (at most the reservation) and refunds the rest. Returns the captured credits. */
export async function settleJobCredits(
  tx: UserTransaction,
  job: { userId: string; jobId: string; tool: string; reserved: number; actual: number },
): Promise<{ captured: number; refund?: LedgerEntryResult }> {
  if (job.reserved <= 0) return { captured: 0 };
  const captured = capturedCredits(job.reserved, job.actual);
  await applyLedgerEntry(tx, {
    userId: job.userId,
    jobId: job.jobId,
    kind: "capture",
    amount: 0,
    quantity: captured,
    description: `Charged for ${job.tool}`,
  });
  const rest = job.reserved - captured;
  if (rest === 0) return { captured };
  const refund = await applyLedgerEntry(tx, {
    userId: job.userId,
    jobId: job.jobId,
    kind: "refund",
    amount: rest,
    quantity: rest,
    description: `Unused reservation of ${job.tool} returned`,
  });
  return { captured, refund };
}

/** Returns the whole reservation (failure or cancel). */
export async function refundJobCredits(
  tx: UserTransaction,
  job: { userId: string; jobId: string; tool: string; reserved: number; reason: "failed" | "cancelled" },
): Promise<LedgerEntryResult | undefined> {
  if (job.reserved <= 0) return undefined;
  return applyLedgerEntry(tx, {
    userId: job.userId,
    jobId: job.jobId,
    kind: "refund",
    amount: job.reserved,
    quantity: job.reserved,
    description: `${job.tool} ${job.reason}: reservation returned`,
  });
}
