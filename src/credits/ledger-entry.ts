import { findAppliedEntry, lockBalance, writeEntry } from "../db/queries/credits.ts";
import type { UserTransaction } from "../db/rls.ts";
import type { CreditTransactionKind } from "../db/schema/credits.ts";
import { AppError } from "../lib/errors.ts";

/** One change to apply to a balance; `jobId` + `kind`, or `reference`, makes it apply at most once. */
export type LedgerEntryInput = {
  userId: string;
  kind: CreditTransactionKind;
  /** Change to the balance: negative spends, positive adds. */
  amount: number;
  /** The credits the entry concerns (a capture after a reserve changes nothing but charges `quantity`). */
  quantity: number;
  jobId?: string;
  reference?: string;
  description: string;
};

/** What applying an entry did; `applied: false` means it had been applied before (a retry, a crash). */
export type LedgerEntryResult = { applied: boolean; balance: number; previousBalance: number };

/**
 * Applies one ledger entry inside the caller's system transaction: locks the balance, skips an entry already
 * applied (unique per job and kind, or per external reference), refuses to go below zero
 * (`payment_required:credits`), then writes the balance and the entry together.
 */
export async function applyLedgerEntry(
  tx: UserTransaction,
  entry: LedgerEntryInput,
): Promise<LedgerEntryResult> {
  const balance = await lockBalance(tx, entry.userId);
  if (balance === undefined) throw profileNotFound();
  const existing = await findAppliedEntry(tx, entry);
  if (existing) return { applied: false, balance, previousBalance: balance };
  const balanceAfter = balance + entry.amount;
  if (balanceAfter < 0) throw notEnoughCredits(-entry.amount, balance);
  await writeEntry(tx, { ...entry, balanceAfter });
  return { applied: true, balance: balanceAfter, previousBalance: balance };
}

/** The error for an account whose profile (and balance) is missing. */
export function profileNotFound(): AppError {
  return new AppError("not_found:profile", "This account has no profile yet; sign out and in again.");
}

/** The error for a spend the balance cannot cover: said before any work starts. */
export function notEnoughCredits(needed: number, balance?: number): AppError {
  const have = balance === undefined ? "" : ` and you have ${balance}`;
  return new AppError(
    "payment_required:credits",
    `Not enough credits: this needs ${needed}${have}. Buy more credits or choose a cheaper option; nothing was charged.`,
    { details: { needed, ...(balance === undefined ? {} : { balance }) } },
  );
}
