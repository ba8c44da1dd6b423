import { eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { ledgerSum, lockBalance, spendByReference } from "../db/queries/credits.ts";
import { type UserTransaction, withSystem } from "../db/rls.ts";
import { profiles } from "../db/schema.ts";
import { applyLedgerEntry, notEnoughCredits } from "./ledger-entry.ts";

export { notEnoughCredits };

type Spending = { userId: string; amount: number; reference: string; description: string };

/**
 * Spends credits at once (a chat message, a fast paid tool): a `capture` entry with no reservation before it.
 * `reference` makes the charge apply once; `payment_required:credits` when short.
 */
export async function spendCredits(db: Database, input: Spending): Promise<{ balance: number }> {
  return withSystem(db, (tx) => applySpending(tx, input));
}

async function applySpending(tx: UserTransaction, input: Spending): Promise<{ balance: number }> {
  const balance = input.amount > 0 ? await spendByReference(tx, input) : undefined;
  if (balance !== undefined) return { balance };
  // Nothing was written: the general path tells an applied reference from a short balance or no profile.
  const result = await applyLedgerEntry(tx, {
    userId: input.userId,
    kind: "capture",
    amount: -input.amount,
    quantity: input.amount,
    reference: input.reference,
    description: input.description,
  });
  return { balance: result.balance };
}

/** Adds credits: a purchase (a Stripe event id as `reference`), a grant, or a positive adjustment. */
export async function addCredits(
  db: Database,
  input: {
    userId: string;
    kind: "grant" | "purchase" | "adjustment";
    amount: number;
    reference: string;
    description: string;
  },
): Promise<{ balance: number; applied: boolean }> {
  return withSystem(db, (tx) => applyLedgerEntry(tx, { ...input, quantity: Math.abs(input.amount) }));
}

/**
 * Records the sign-up grant in the ledger (wired as `createAuth`'s `onUserCreated`). When the profile was
 * created already holding the grant, the entry only records it; otherwise it adds the credits. Either way the
 * balance equals the sum of the ledger afterwards, and a repeated call changes nothing.
 */
export async function recordSignUpGrant(db: Database, userId: string, amount: number): Promise<void> {
  if (amount <= 0) return;
  await withSystem(db, async (tx) => {
    const balance = await lockBalance(tx, userId);
    if (balance === undefined) return;
    const alreadyCredited = balance - (await ledgerSum(tx, userId)) === amount;
    if (alreadyCredited) {
      await tx
        .update(profiles)
        .set({ credits: balance - amount })
        .where(eq(profiles.ownerId, userId));
    }
    await applyLedgerEntry(tx, {
      userId,
      kind: "grant",
      amount,
      quantity: amount,
      reference: `signup:${userId}`,
      description: "Welcome credits for signing up",
    });
  });
}

/** The user's current balance. */
export async function creditBalance(db: Database, userId: string): Promise<number> {
  const [row] = await withSystem(db, (tx) =>
    tx.select({ balance: profiles.credits }).from(profiles).where(eq(profiles.ownerId, userId)),
  );
  return row?.balance ?? 0;
}

/** Checks the invariant: the balance equals the sum of the ledger (for tests and audits). */
export async function ledgerMatchesBalance(tx: UserTransaction, userId: string): Promise<boolean> {
  const balance = await lockBalance(tx, userId);
  return balance === (await ledgerSum(tx, userId));
}
