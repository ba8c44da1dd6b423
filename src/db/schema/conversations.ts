import { index, integer, jsonb, pgTable, serial, text, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, ownerIdColumn, updatedAtColumn } from "./columns.ts";
import { projects } from "./projects.ts";

/** A conversation with the agent, usually about one project. */
export const threads = pgTable(
  "threads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: ownerIdColumn(),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "cascade" }),
    title: text("title").notNull().default("New conversation"),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (table) => [index("threads_owner_idx").on(table.ownerId, table.updatedAt)],
);

/** One UI message (AI SDK `UIMessage`: id, role, parts including tool parts), in order. */
export const messages = pgTable(
  "messages",
  {
    sequence: serial("sequence").primaryKey(),
    id: text("id").notNull().unique(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    ownerId: ownerIdColumn(),
    role: text("role", { enum: ["system", "user", "assistant"] }).notNull(),
    parts: jsonb("parts").$type<unknown[]>().notNull(),
    metadata: jsonb("metadata").$type<Record<string, unknown>>(),
    createdAt: createdAtColumn(),
  },
  (table) => [index("messages_thread_idx").on(table.threadId, table.sequence)],
);

/** Model tokens used per agent turn, per user. */
export const tokenUsage = pgTable(
  "token_usage",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: ownerIdColumn(),
    threadId: uuid("thread_id").references(() => threads.id, { onDelete: "set null" }),
    model: text("model").notNull(),
    inputTokens: integer("input_tokens").notNull().default(0),
    outputTokens: integer("output_tokens").notNull().default(0),
    createdAt: createdAtColumn(),
  },
  (table) => [index("token_usage_owner_idx").on(table.ownerId, table.createdAt)],
);

export type Thread = typeof threads.$inferSelect;
export type StoredMessage = typeof messages.$inferSelect;
