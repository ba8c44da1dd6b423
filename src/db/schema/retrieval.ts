import { sql } from "drizzle-orm";
import {
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
  vector,
} from "drizzle-orm/pg-core";
import { user } from "./auth.ts";
import { projects } from "./projects.ts";

export const embeddingDimensions = 768;

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const chunkSourceTypes = ["file", "breakdown", "note", "job_result"] as const;

/**
 * A passage of project text for retrieval: its embedding (and the model that made it, so vectors of
 * different models are never compared), a generated full-text vector, and where it came from.
 */
export const chunks = pgTable(
  "chunks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    sourceType: text("source_type", { enum: chunkSourceTypes }).notNull(),
    sourceId: text("source_id").notNull(),
    sourceLabel: text("source_label").notNull(),
    ordinal: integer("ordinal").notNull(),
    content: text("content").notNull(),
    contentHash: text("content_hash").notNull(),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    embedding: vector("embedding", { dimensions: embeddingDimensions }),
    embeddingModel: text("embedding_model"),
    searchVector: tsvector("search_vector").generatedAlwaysAs(sql`to_tsvector('english', content)`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("chunks_project_model_idx").on(table.projectId, table.embeddingModel),
    index("chunks_source_idx").on(table.projectId, table.sourceType, table.sourceId),
    index("chunks_embedding_idx").using("hnsw", table.embedding.op("vector_cosine_ops")),
    index("chunks_search_idx").using("gin", table.searchVector),
  ],
);

export type Chunk = typeof chunks.$inferSelect;
