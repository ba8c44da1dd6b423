import { countProjectChunks } from "../../db/queries/chunk-search.ts";
import type { UserTransaction } from "../../db/rls.ts";

/**
 * How long a project's chunk counts are reused. They only choose exact or index vector search and set the
 * N of full-text IDF, so a count a few seconds old changes speed or ranking slightly, never what the
 * caller may see; counting a large project under RLS on every search would cost more than the search.
 */
const freshForMs = 30_000;
const maxEntries = 1000;

type Entry = { total: number; embedded: number; countedAt: number };
const counts = new Map<string, Entry>();

/**
 * The project's chunk counts (all models, and `embeddingModel`'s), counted as the caller at most once per
 * `freshForMs` per project and model. Only a project's owner can see it, so the counts are theirs; a
 * caller who turns out not to see the project must `forgetProjectChunkCounts` (their count is 0).
 */
export async function projectChunkCounts(
  tx: UserTransaction,
  key: { projectId: string; embeddingModel: string },
): Promise<{ total: number; embedded: number }> {
  const id = `${key.projectId}\u0000${key.embeddingModel}`;
  const now = Date.now();
  const cached = counts.get(id);
  if (cached && now - cached.countedAt < freshForMs) return cached;
  const fresh = { ...(await countProjectChunks(tx, key)), countedAt: now };
  counts.delete(id);
  counts.set(id, fresh);
  // Oldest first in insertion order: drop the oldest when full.
  if (counts.size > maxEntries) counts.delete(counts.keys().next().value ?? "");
  return fresh;
}

/** Forgets the project's counts: after ingesting into it, or when the caller could not see it. */
export function forgetProjectChunkCounts(projectId: string): void {
  for (const id of counts.keys()) if (id.startsWith(`${projectId}\u0000`)) counts.delete(id);
}
