import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, ownerIdColumn } from "./columns.ts";

export const creditTransactionKinds = [
  "grant",
  "reserve",
  "capture",
  "refund",
  "purchase",
  "adjustment",
] as const;
export const creditTransactionKind = pgEnum("credit_transaction_kind", creditTransactionKinds);
export type CreditTransactionKind = (typeof creditTransactionKinds)[number];

/**
 * The append-only credit ledger. `amount` is the change to the balance (a reserve is negative, a capture
 * zero: the reserve already took it; `quantity` says how many credits the entry concerns). Each job's entry
 * of a kind, and each user's external event (`reference`), is unique, so nothing is applied twice.
 */
export const creditTransactions = pgTable(
  "credit_transactions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: ownerIdColumn(),
    kind: creditTransactionKind("kind").notNull(),
    amount: integer("amount").notNull(),
    quantity: integer("quantity").notNull(),
    balanceAfter: integer("balance_after").notNull(),
    jobId: uuid("job_id"),
    reference: text("reference"),
    description: text("description").notNull(),
    createdAt: createdAtColumn(),
  },
  (table) => [
    index("credit_transactions_owner_idx").on(table.ownerId, table.createdAt),
    uniqueIndex("credit_transactions_job_kind_unique")
      .on(table.jobId, table.kind)
      .where(sql`job_id IS NOT NULL`),
    uniqueIndex("credit_transactions_reference_unique")
      .on(table.ownerId, table.reference)
      .where(sql`reference IS NOT NULL`),
  ],
);

export type CreditTransaction = typeof creditTransactions.$inferSelect;
