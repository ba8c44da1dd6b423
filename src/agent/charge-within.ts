import { sql } from "drizzle-orm";
import { applyLedgerEntry } from "../credits/ledger-entry.ts";
import type { UserTransaction } from "../db/rls.ts";

/**
 * Spends credits inside the caller's open `withUser` transaction, so that the charge commits or rolls back
 * together with whatever else the transaction writes (a refused turn stores nothing and charges nothing).
 * The ledger is system work: for the charge only, the transaction drops the application role and declares
 * system access, then returns to the caller's identity (`app.user_id` stays set throughout).
 * `payment_required:credits` when the balance is short.
 */
export async function chargeWithin(
  tx: UserTransaction,
  input: { userId: string; amount: number; reference: string; description: string },
): Promise<{ balance: number }> {
  // `role` is the setting behind SET ROLE; setting both in one statement saves a round trip each way.
  await tx.execute(sql`SELECT set_config('role', 'none', true), set_config('app.system_access', 'on', true)`);
  const result = await applyLedgerEntry(tx, {
    userId: input.userId,
    kind: "capture",
    amount: -input.amount,
    quantity: input.amount,
    reference: input.reference,
    description: input.description,
  });
  await tx.execute(
    sql`SELECT set_config('app.system_access', 'off', true), set_config('role', 'nollyai_app', true)`,
  );
  return { balance: result.balance };
}
