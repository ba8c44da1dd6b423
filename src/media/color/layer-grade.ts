import type { GradeInput } from "./grade-schema.ts";

const channelFields = ["lift", "gamma", "gain"] as const;

/**
 * Lays `over` on `base` (a preset, a user preset, adjustments, the live sliders): a field set in `over`
 * wins; per-channel fields (lift, gamma, gain) merge channel by channel. Layering is associative, so the
 * server and the browser preview reach the same grade however they group the layers.
 */
export function layerGrade<T extends GradeInput>(base: T, over: T = {} as T): T {
  const merged: T = { ...base, ...over };
  for (const field of channelFields) {
    if (over[field]) merged[field] = { ...base[field], ...over[field] };
  }
  return merged;
}
