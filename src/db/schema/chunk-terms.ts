import { integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth.ts";
import { projects } from "./projects.ts";

/**
 * How many of a project's chunks contain each full-text lexeme (BM25's document frequency), kept by
 * triggers on `chunks` (migration 0011), so a search knows which of its words are rare before reading any
 * match: a search reads the rare words' matches and only the passages where common words meet.
 */
export const chunkTerms = pgTable(
  "chunk_terms",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    ownerId: text("owner_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    lexeme: text("lexeme").notNull(),
    chunks: integer("chunks").notNull(),
  },
  (table) => [primaryKey({ columns: [table.projectId, table.lexeme] })],
);
