import { z } from "zod";
import { fileIdInput } from "../../shared-schemas.ts";
import { sceneView } from "../scene-view.ts";
import { extractorNames } from "../stored-breakdown.ts";

/** What the user gives `breakdown-script`. */
export const breakdownScriptInput = z.object({
  fileId: fileIdInput,
  extractor: z.enum(extractorNames).default("offline"),
});

/** What the job gets: the input plus what the tool found out before enqueueing. */
export const breakdownScriptJobInput = breakdownScriptInput.extend({ projectId: z.string() });
export type BreakdownScriptJobInput = z.infer<typeof breakdownScriptJobInput>;

/** The finished job's output: the stored breakdown, its counts, the files written and every scene with its elements. */
export const breakdownScriptOutput = z.object({
  breakdownId: z.string(),
  fileId: z.string(),
  revision: z.number().int().positive(),
  extractor: z.enum(extractorNames),
  /** An unchanged script with the same extractor reused its earlier breakdown instead of a new revision. */
  reused: z.boolean(),
  counts: z.object({
    scenes: z.number().int(),
    characters: z.number().int(),
    locations: z.number().int(),
    elements: z.number().int(),
    pages: z.number().int(),
  }),
  /** Corrections that no longer fit the script (their scene or element is gone). */
  unappliedCorrections: z.number().int(),
  files: z.object({
    json: z.string(),
    csv: z.string(),
    sheets: z.string(),
    sheetsPdf: z.string(),
    oneLiner: z.string(),
    castList: z.string(),
    dayOutOfDays: z.string(),
    fdx: z.string(),
  }),
  /** The scenes of the stored breakdown (corrections applied), so the card shows the breakdown without a second call. */
  scenes: z.array(sceneView),
});
export type BreakdownScriptOutput = z.infer<typeof breakdownScriptOutput>;
