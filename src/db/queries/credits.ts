import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { UserTransaction } from "../rls.ts";
import { selectRows } from "../rows.ts";
import { type CreditTransaction, type CreditTransactionKind, creditTransactions } from "../schema/credits.ts";
import { profiles } from "../schema/profiles.ts";

/** Locks the user's profile row for the rest of the transaction and returns the balance (undefined: no profile). */
export async function lockBalance(tx: UserTransaction, userId: string): Promise<number | undefined> {
  const [row] = await tx
    .select({ credits: profiles.credits })
    .from(profiles)
    .where(eq(profiles.ownerId, userId))
    .for("update");
  return row?.credits;
}

/**
 * A spend with an external reference in one statement (`ledger_spend`, migration 0012; the caller declared
 * system access): locks the balance, writes the `capture` entry unless the reference was applied before, and
 * lowers the balance by what the entry records. Returns the new balance, or undefined when it did nothing
 * (already applied, not enough credits, no profile): the caller then asks the slow way to learn which.
 */
export async function spendByReference(
  tx: UserTransaction,
  spend: { userId: string; amount: number; reference: string; description: string },
): Promise<number | undefined> {
  const rows = await selectRows<{ balance: number | null }>(
    tx,
    sql`SELECT ledger_spend(${spend.userId}, ${spend.amount}, ${spend.reference}, ${spend.description}) AS balance`,
  );
  return rows[0]?.balance ?? undefined;
}

/** The entry already applied for this job and kind, or this external reference, if any. */
export async function findAppliedEntry(
  tx: UserTransaction,
  key: { userId: string; jobId?: string; kind: CreditTransactionKind; reference?: string },
): Promise<CreditTransaction | undefined> {
  const condition = key.jobId
    ? and(eq(creditTransactions.jobId, key.jobId), eq(creditTransactions.kind, key.kind))
    : key.reference
      ? and(eq(creditTransactions.ownerId, key.userId), eq(creditTransactions.reference, key.reference))
      : undefined;
  if (!condition) return undefined;
  const [row] = await tx.select().from(creditTransactions).where(condition).limit(1);
  return row;
}

/** Writes the new balance and its ledger entry (the caller holds the profile lock). */
export async function writeEntry(
  tx: UserTransaction,
  entry: {
    userId: string;
    kind: CreditTransactionKind;
    amount: number;
    quantity: number;
    balanceAfter: number;
    jobId?: string;
    reference?: string;
    description: string;
  },
): Promise<CreditTransaction> {
  if (entry.amount !== 0) {
    await tx
      .update(profiles)
      .set({ credits: entry.balanceAfter, updatedAt: new Date() })
      .where(eq(profiles.ownerId, entry.userId));
  }
  const [row] = await tx
    .insert(creditTransactions)
    .values({
      ownerId: entry.userId,
      kind: entry.kind,
      amount: entry.amount,
      quantity: entry.quantity,
      balanceAfter: entry.balanceAfter,
      jobId: entry.jobId ?? null,
      reference: entry.reference ?? null,
      description: entry.description,
    })
    .returning();
  return row!;
}

/** The sum of a user's ledger entries: always equal to the balance. */
export async function ledgerSum(tx: UserTransaction, userId: string): Promise<number> {
  const [row] = await tx
    .select({ total: sql<string>`coalesce(sum(${creditTransactions.amount}), 0)` })
    .from(creditTransactions)
    .where(eq(creditTransactions.ownerId, userId));
  return Number(row?.total ?? 0);
}

/** The caller's ledger, newest first (RLS limits it to their rows), paged by `before` (an ISO time). */
export async function listCreditTransactions(
  tx: UserTransaction,
  options: { limit: number; before?: Date },
): Promise<CreditTransaction[]> {
  return tx
    .select()
    .from(creditTransactions)
    .where(options.before ? lt(creditTransactions.createdAt, options.before) : undefined)
    .orderBy(desc(creditTransactions.createdAt), desc(creditTransactions.id))
    .limit(options.limit);
}
