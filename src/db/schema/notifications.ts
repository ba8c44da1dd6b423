import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth.ts";
import { createdAtColumn, ownerIdColumn, updatedAtColumn } from "./columns.ts";

export const notificationKinds = ["job-finished", "job-failed", "credits-low"] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** A notice for one user. Repeats of one kind within a short window are grouped into one row (`count`). */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: ownerIdColumn(),
    kind: text("kind", { enum: notificationKinds }).notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    count: integer("count").notNull().default(1),
    jobId: uuid("job_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (table) => [index("notifications_owner_idx").on(table.ownerId, table.updatedAt)],
);

export type NotificationRecord = typeof notifications.$inferSelect;

/** What a user wants e-mailed. No row means the defaults below. */
export const notificationPreferences = pgTable("notification_preferences", {
  ownerId: text("owner_id")
    .primaryKey()
    .references(() => user.id, { onDelete: "cascade" }),
  emailJobFinished: boolean("email_job_finished").notNull().default(false),
  emailJobFailed: boolean("email_job_failed").notNull().default(true),
  emailCreditsLow: boolean("email_credits_low").notNull().default(true),
  creditsLowThreshold: integer("credits_low_threshold"),
  updatedAt: updatedAtColumn(),
});

export type NotificationPreferencesRecord = typeof notificationPreferences.$inferSelect;
