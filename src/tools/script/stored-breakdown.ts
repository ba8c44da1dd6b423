import { z } from "zod";
import { breakdownSchema, correctionSchema } from "../../media/script/index.ts";

/**
 * What a `breakdowns` row holds in `data`: the extractor's own result (kept so corrections can be replayed
 * onto it without paying for the extraction again), the corrected breakdown that every read tool shows, and
 * the corrections that no longer fit the script.
 */
export const storedBreakdownData = z.object({
  extracted: breakdownSchema,
  breakdown: breakdownSchema,
  unapplied: z.array(correctionSchema),
});
export type StoredBreakdownData = z.infer<typeof storedBreakdownData>;

/** The extractors a breakdown can be made with. */
export const extractorNames = ["offline", "model"] as const;
export type ExtractorName = (typeof extractorNames)[number];
