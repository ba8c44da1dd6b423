import { text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./auth.ts";

/** The owning user of a tenant row: the key every row-level security policy compares with the caller. */
export const ownerIdColumn = () =>
  text("owner_id")
    .notNull()
    .references(() => user.id, { onDelete: "cascade" });

export const createdAtColumn = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const updatedAtColumn = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
