import { z } from "zod";

/** Every kind of element a screenplay can hold, whatever format it was read from. */
export const screenplayElementTypeSchema = z.enum([
  "scene_heading",
  "action",
  "character",
  "dialogue",
  "parenthetical",
  "transition",
  "shot",
  "centered",
  "lyrics",
  "note",
  "section",
  "synopsis",
  "page_break",
]);
export type ScreenplayElementType = z.infer<typeof screenplayElementTypeSchema>;

/** A span of styled text inside an element's `text` (Fountain `*`, `**`, `_`; FDX `Style`). */
export const emphasisSchema = z.object({
  style: z.enum(["italic", "bold", "underline"]),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Emphasis = z.infer<typeof emphasisSchema>;

/** A breakdown tag already present in the source (FDX `TagData`), attached to a span of the element. */
export const sourceTagSchema = z.object({
  category: z.string(),
  name: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type SourceTag = z.infer<typeof sourceTagSchema>;

/** One element of the screenplay, in reading order. */
export const screenplayElementSchema = z.object({
  type: screenplayElementTypeSchema,
  /** Text with markup removed; an action keeps its hard line breaks. */
  text: z.string(),
  /** Index of the scene the element belongs to (`null` before the first scene heading). */
  sceneIndex: z.number().int().nonnegative().nullable(),
  /** 1-based page where the element starts, when known (PDF) or once paginated. */
  page: z.number().int().positive().nullable(),
  /** 1-based line of the source where the element starts (source line for text formats, PDF line on its page). */
  line: z.number().int().positive(),
  /** Normalised speaker name, on `character` elements: `EDWARD (V.O.)` → `EDWARD`. */
  character: z.string().optional(),
  /** Cue extensions such as `V.O.`, `O.S.`, `CONT'D`. */
  extensions: z.array(z.string()).optional(),
  dual: z.enum(["left", "right"]).optional(),
  /** Scene number written in the script (`#12A#`, FDX `Number`, PDF margin). */
  sceneNumber: z.string().optional(),
  /** Heading depth for `section`. */
  level: z.number().int().positive().optional(),
  forced: z.boolean().optional(),
  /** Scene length in eighths given by the source (FDX `SceneProperties Length`), on scene headings. */
  eighths: z.number().int().positive().optional(),
  emphasis: z.array(emphasisSchema).optional(),
  tags: z.array(sourceTagSchema).optional(),
});
export type ScreenplayElement = z.infer<typeof screenplayElementSchema>;

/** A title-page entry, in source order (`Title`, `Credit`, `Author`, `Draft date`…). */
export const titlePageEntrySchema = z.object({ key: z.string(), value: z.string() });
export type TitlePageEntry = z.infer<typeof titlePageEntrySchema>;

/** The one screenplay model that every parser produces. */
export const screenplaySchema = z.object({
  format: z.enum(["fountain", "fdx", "pdf", "text"]),
  titlePage: z.array(titlePageEntrySchema),
  elements: z.array(screenplayElementSchema),
  /** Pages of the source document (PDF only); other formats are paginated by `paginate`. */
  sourcePageCount: z.number().int().nonnegative().nullable(),
  /** Lines a source page holds (PDF only), to measure scenes in eighths of a page. */
  sourceLinesPerPage: z.number().int().positive().nullable(),
});
export type Screenplay = z.infer<typeof screenplaySchema>;
