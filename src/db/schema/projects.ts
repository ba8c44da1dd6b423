import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, ownerIdColumn, updatedAtColumn } from "./columns.ts";

/** A film project: the scope of files, breakdowns, jobs, threads and retrieval. */
export const projects = pgTable(
  "projects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: ownerIdColumn(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (table) => [index("projects_owner_idx").on(table.ownerId, table.createdAt)],
);

/** The project a row belongs to; deleting the project deletes the row. */
export const projectIdColumn = () =>
  uuid("project_id")
    .notNull()
    .references(() => projects.id, { onDelete: "cascade" });

export type Project = typeof projects.$inferSelect;
