import { z } from "zod";

/** Page geometry in Courier 12 characters and lines, with the widths of each element type. */
export const pageLayoutSchema = z.object({
  linesPerPage: z.number().int().min(20).max(80),
  widths: z.object({
    action: z.number().int().positive(),
    sceneHeading: z.number().int().positive(),
    character: z.number().int().positive(),
    parenthetical: z.number().int().positive(),
    dialogue: z.number().int().positive(),
    transition: z.number().int().positive(),
  }),
  /** Share of the normal width each column of dual dialogue gets. */
  dualFactor: z.number().positive().max(1),
});
export type PageLayout = z.infer<typeof pageLayoutSchema>;

/** US Letter, Courier 12, 1.5" left and 1" right margins: 55 lines, the industry's one-page-a-minute page. */
export const usLetterLayout: PageLayout = {
  linesPerPage: 55,
  widths: { action: 60, sceneHeading: 60, character: 33, parenthetical: 26, dialogue: 35, transition: 60 },
  dualFactor: 0.75,
};

/** A4 with the same margins holds two more lines. */
export const a4Layout: PageLayout = { ...usLetterLayout, linesPerPage: 57 };
