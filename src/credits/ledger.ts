import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { withSystem } from "../db/rls.ts";
import { profiles } from "../db/schema.ts";
import { AppError } from "../lib/errors.ts";

/**
 * Credits: the balance never goes below zero. (To be replaced by the append-only ledger of the durable
 * jobs issue, keeping these signatures.)
 */

/** Spends credits at once (a chat message, a fast paid tool); `payment_required:credits` when short. */
export async function spendCredits(
  db: Database,
  input: { userId: string; amount: number; reference: string; description: string },
): Promise<{ balance: number }> {
  return withSystem(db, async (tx) => {
    const [row] = await tx
      .update(profiles)
      .set({ credits: sql`${profiles.credits} - ${input.amount}` })
      .where(sql`${profiles.ownerId} = ${input.userId} AND ${profiles.credits} >= ${input.amount}`)
      .returning({ balance: profiles.credits });
    if (!row) throw notEnoughCredits(input.amount);
    return row;
  });
}

/** The user's current balance. */
export async function creditBalance(db: Database, userId: string): Promise<number> {
  const [row] = await withSystem(db, (tx) =>
    tx.select({ balance: profiles.credits }).from(profiles).where(eq(profiles.ownerId, userId)),
  );
  return row?.balance ?? 0;
}

export function notEnoughCredits(needed: number): AppError {
  return new AppError(
    "payment_required:credits",
    `Not enough credits: this needs ${needed}. Buy more credits or choose a cheaper option; nothing was charged.`,
  );
}
