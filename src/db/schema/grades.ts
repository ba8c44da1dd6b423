import { index, integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, ownerIdColumn } from "./columns.ts";
import { fileIdColumn } from "./files.ts";
import { projectIdColumn } from "./projects.ts";

/** Every grade of an asset is a saved version (undo/redo by version; copy to other shots). */
export const gradeVersions = pgTable(
  "grade_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: ownerIdColumn(),
    projectId: projectIdColumn(),
    fileId: fileIdColumn(),
    version: integer("version").notNull(),
    grade: jsonb("grade").$type<Record<string, unknown>>().notNull(),
    note: text("note").notNull().default(""),
    createdAt: createdAtColumn(),
  },
  (table) => [
    unique("grade_versions_file_version_unique").on(table.fileId, table.version),
    index("grade_versions_project_idx").on(table.projectId),
  ],
);

/** A user's own named grade, usable like the built-in presets. */
export const userPresets = pgTable(
  "user_presets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: ownerIdColumn(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    grade: jsonb("grade").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAtColumn(),
  },
  (table) => [unique("user_presets_owner_name_unique").on(table.ownerId, table.name)],
);

export type GradeVersion = typeof gradeVersions.$inferSelect;
export type UserPreset = typeof userPresets.$inferSelect;
