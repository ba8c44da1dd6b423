import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Mail that could not be (or need not be) sent over SMTP, so a local user can still verify and reset. */
export const mailOutbox = pgTable("mail_outbox", {
  id: uuid("id").primaryKey().defaultRandom(),
  recipient: text("recipient").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  html: text("html"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
