import { type Breakdown, breakdownSchema } from "../breakdown-model.ts";

/** The breakdown as JSON, validated against its schema first so a consumer can rely on the shape. */
export function breakdownJson(breakdown: Breakdown): string {
  return JSON.stringify(breakdownSchema.parse(breakdown), null, 2);
}
