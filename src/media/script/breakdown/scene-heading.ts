import type { z } from "zod";
import type { intExtSchema } from "../breakdown-model.ts";

/** A slugline read into its parts. */
export interface SceneHeadingParts {
  intExt: z.infer<typeof intExtSchema> | null;
  set: string;
  location: string;
  timeOfDay: string | null;
}

const prefixPattern = /^(INT\.?\s*\/\s*EXT|EXT\.?\s*\/\s*INT|INT\.?\s*-\s*EXT|I\s*\/\s*E|INT|EXT|EST)\.?\s+/i;
const timePattern =
  /^(?:EARLY |LATE |LATER |THAT |THE )?(?:DAY|NIGHT|MORNING|AFTERNOON|EVENING|DUSK|DAWN|SUNSET|SUNRISE|NOON|MIDDAY|MIDNIGHT|MAGIC HOUR|TWILIGHT|CONTINUOUS|LATER|MOMENTS? LATER|SAME(?: TIME)?|NEXT (?:DAY|MORNING|NIGHT)|(?:\w+ )?(?:DAYS?|WEEKS?|MONTHS?|YEARS?) LATER)\b/i;

/**
 * Reads `INT. BLOOM HOUSE - KITCHEN - NIGHT (1973)` (or `- (1973) NIGHT`) as INT, set `BLOOM HOUSE - KITCHEN`,
 * location `BLOOM HOUSE`, `NIGHT`.
 */
export function parseSceneHeading(heading: string): SceneHeadingParts {
  const upper = heading.toUpperCase().replace(/\s+/g, " ").trim();
  const prefix = prefixPattern.exec(upper);
  let intExt: SceneHeadingParts["intExt"] = null;
  if (prefix) {
    const word = (prefix[1] ?? "").replace(/[\s.]/g, "");
    intExt = /INT.*EXT|EXT.*INT|I\/E/.test(word) ? "INT/EXT" : word.startsWith("INT") ? "INT" : "EXT";
  }
  const rest = (prefix ? upper.slice(prefix[0].length) : upper)
    .replace(/\s*\([^)]*\)\s*$/, "")
    .replace(/\s*[-–—]+$/, "");
  const parts = rest
    .split(/\s+[-–—]+\s+|\s+--\s*|\s*--\s+/)
    .map((part) => part.trim())
    .filter(Boolean);
  let timeOfDay: string | null = null;
  // An era or story-time note before the time (`(PRESENT) DAY`, `(1973) NIGHT`) is not the time of day.
  const last = parts.at(-1)?.replace(/^(?:\([^)]*\)\s*)+/, "");
  if (parts.length > 1 && last && timePattern.test(last)) {
    timeOfDay = last;
    parts.pop();
  } else if (parts.length === 1 && last && timePattern.test(last) && !prefix) {
    timeOfDay = last;
  }
  const set = parts.join(" - ") || rest;
  return { intExt, set, location: parts[0] ?? set, timeOfDay };
}
