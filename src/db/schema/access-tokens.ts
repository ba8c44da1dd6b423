import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, ownerIdColumn } from "./columns.ts";

export const accessTokenScopes = ["read", "read-write"] as const;

/** Personal access tokens for MCP and scripts: only a SHA-256 of the token is stored. */
export const accessTokens = pgTable(
  "access_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: ownerIdColumn(),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    scope: text("scope", { enum: accessTokenScopes }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (table) => [index("access_tokens_owner_idx").on(table.ownerId)],
);

export type AccessToken = typeof accessTokens.$inferSelect;
