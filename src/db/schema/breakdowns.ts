import { index, integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, ownerIdColumn } from "./columns.ts";
import { fileIdColumn } from "./files.ts";
import { projectIdColumn } from "./projects.ts";

/** A stored script breakdown: one per script revision (content hash) and extractor, numbered per script. */
export const breakdowns = pgTable(
  "breakdowns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: ownerIdColumn(),
    projectId: projectIdColumn(),
    fileId: fileIdColumn(),
    revision: integer("revision").notNull(),
    contentHash: text("content_hash").notNull(),
    extractor: text("extractor").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAtColumn(),
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
    ownerId: ownerIdColumn(),
    projectId: projectIdColumn(),
    fileId: fileIdColumn(),
    correction: jsonb("correction").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAtColumn(),
  },
  (table) => [index("breakdown_corrections_file_idx").on(table.fileId, table.createdAt)],
);

/** Model extraction results by content hash, so an unchanged script costs nothing twice. */
export const extractionCache = pgTable(
  "extraction_cache",
  {
    ownerId: ownerIdColumn(),
    key: text("key").notNull(),
    value: jsonb("value").notNull(),
    createdAt: createdAtColumn(),
  },
  (table) => [unique("extraction_cache_owner_key_unique").on(table.ownerId, table.key)],
);

export type StoredBreakdown = typeof breakdowns.$inferSelect;
