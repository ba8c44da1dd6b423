import { z } from "zod";
import { breakdownCategorySchema } from "./categories.ts";

/** Where an element was found: the screenplay element, the character span inside it, and the quote. */
export const elementSourceSchema = z.object({
  elementIndex: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string(),
});
export type ElementSource = z.infer<typeof elementSourceSchema>;

/** One tagged item of a scene (a prop, a stunt, a cast member…). */
export const breakdownElementSchema = z.object({
  category: breakdownCategorySchema,
  name: z.string().min(1),
  source: elementSourceSchema.nullable(),
  origin: z.enum(["rules", "model", "script_tag", "correction"]),
});
export type BreakdownElement = z.infer<typeof breakdownElementSchema>;

export const intExtSchema = z.enum(["INT", "EXT", "INT/EXT"]);

/** A scene of the breakdown. */
export const breakdownSceneSchema = z.object({
  /** Stable key for corrections: the scene number and heading. */
  key: z.string(),
  index: z.number().int().nonnegative(),
  number: z.string(),
  heading: z.string(),
  intExt: intExtSchema.nullable(),
  /** The set (location and area): `BLOOM HOUSE - KITCHEN`. */
  set: z.string(),
  /** The location the set belongs to: `BLOOM HOUSE`. */
  location: z.string(),
  timeOfDay: z.string().nullable(),
  /** 1-based story day, when the headings let it be inferred. */
  storyDay: z.number().int().positive().nullable(),
  page: z.number().int().positive(),
  eighths: z.number().int().positive(),
  synopsis: z.string(),
  /** Index range `[start, end)` of the scene's screenplay elements. */
  elementStart: z.number().int().nonnegative(),
  elementEnd: z.number().int().nonnegative(),
  /** Characters who speak in the scene. */
  speaking: z.array(z.string()),
  elements: z.array(breakdownElementSchema),
});
export type BreakdownScene = z.infer<typeof breakdownSceneSchema>;

/** A character of the script, with all the cue variants merged. */
export const breakdownCharacterSchema = z.object({
  name: z.string(),
  castNumber: z.number().int().positive(),
  speaking: z.boolean(),
  variants: z.array(z.string()),
  age: z.string().nullable(),
  description: z.string().nullable(),
  sceneKeys: z.array(z.string()),
  dialogueCount: z.number().int().nonnegative(),
});
export type BreakdownCharacter = z.infer<typeof breakdownCharacterSchema>;

/** A location and the sets shot in it. */
export const breakdownLocationSchema = z.object({
  name: z.string(),
  sets: z.array(
    z.object({ name: z.string(), intExt: z.array(intExtSchema), sceneKeys: z.array(z.string()) }),
  ),
});
export type BreakdownLocation = z.infer<typeof breakdownLocationSchema>;

/** The production breakdown of a screenplay. */
export const breakdownSchema = z.object({
  title: z.string().nullable(),
  pageCount: z.number().int().nonnegative(),
  scenes: z.array(breakdownSceneSchema),
  characters: z.array(breakdownCharacterSchema),
  locations: z.array(breakdownLocationSchema),
});
export type Breakdown = z.infer<typeof breakdownSchema>;
