import { and, eq } from "drizzle-orm";
import type { UserScope } from "../../db/rls.ts";
import { extractionCache } from "../../db/schema/breakdowns.ts";
import type { ExtractionCache } from "../../media/script/index.ts";

/** The model extractor's answer cache in `extraction_cache`, per user (RLS keeps it private). */
export function databaseExtractionCache(transaction: UserScope, ownerId: string): ExtractionCache {
  return {
    async get(key) {
      const [row] = await transaction((tx) =>
        tx
          .select({ value: extractionCache.value })
          .from(extractionCache)
          .where(and(eq(extractionCache.ownerId, ownerId), eq(extractionCache.key, key))),
      );
      return row?.value;
    },
    async set(key, value) {
      await transaction((tx) =>
        tx
          .insert(extractionCache)
          .values({ ownerId, key, value })
          .onConflictDoUpdate({
            target: [extractionCache.ownerId, extractionCache.key],
            set: { value },
          }),
      );
    },
  };
}
