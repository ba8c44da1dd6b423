import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth.ts";
import { files } from "./files.ts";
import { projects } from "./projects.ts";

/** A stored script breakdown: one per script revision (content hash) and extractor, numbered per script. */
export const breakdowns = pgTable(
  "breakdowns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    contentHash: text("content_hash").notNull(),
    extractor: text("extractor").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("breakdowns_file_revision_unique").on(table.fileId, table.revision),
    index("breakdowns_project_idx").on(table.projectId, table.createdAt),
  ],
);

/** A user's correction to a script's breakdown (add, remove, recategorise); re-applied on every re-run. */
export const breakdownCorrections = pgTable(
  "breakdown_corrections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id, { onDelete: "cascade" }),
    correction: jsonb("correction").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("breakdown_corrections_file_idx").on(table.fileId, table.createdAt)],
);

/** Model extraction results by content hash, so an unchanged script costs nothing twice. */
export const extractionCache = pgTable(
  "extraction_cache",
  {
    ownerId: text("owner_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    value: jsonb("value").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique("extraction_cache_owner_key_unique").on(table.ownerId, table.key)],
);

export type StoredBreakdown = typeof breakdowns.$inferSelect;
