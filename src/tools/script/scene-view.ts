import { z } from "zod";
import { intExtSchema } from "../../media/script/breakdown-model.ts";
import { type BreakdownScene, breakdownCategorySchema, formatEighths } from "../../media/script/index.ts";

/** The breakdown a read tool answered from. */
export const breakdownReference = z.object({
  breakdownId: z.string(),
  fileId: z.string(),
  fileName: z.string(),
  revision: z.number().int(),
});

/** A scene element as read tools show it. */
export const elementView = z.object({ category: breakdownCategorySchema, name: z.string() });

/** A scene as read tools show it (without element positions). */
export const sceneView = z.object({
  key: z.string(),
  number: z.string(),
  heading: z.string(),
  intExt: intExtSchema.nullable(),
  set: z.string(),
  location: z.string(),
  timeOfDay: z.string().nullable(),
  storyDay: z.number().nullable(),
  page: z.number(),
  /** Length in pages and eighths, as on a breakdown sheet: `1 3/8`. */
  length: z.string(),
  synopsis: z.string(),
  elements: z.array(elementView),
});
export type SceneView = z.infer<typeof sceneView>;

/** The public view of a breakdown scene. */
export function toSceneView(scene: BreakdownScene): SceneView {
  return {
    key: scene.key,
    number: scene.number,
    heading: scene.heading,
    intExt: scene.intExt,
    set: scene.set,
    location: scene.location,
    timeOfDay: scene.timeOfDay,
    storyDay: scene.storyDay,
    page: scene.page,
    length: formatEighths(scene.eighths),
    synopsis: scene.synopsis,
    elements: scene.elements.map((element) => ({ category: element.category, name: element.name })),
  };
}

/** The reference of a resolved breakdown. */
export function toBreakdownReference(record: {
  id: string;
  fileId: string;
  fileName: string;
  revision: number;
}): z.infer<typeof breakdownReference> {
  return {
    breakdownId: record.id,
    fileId: record.fileId,
    fileName: record.fileName,
    revision: record.revision,
  };
}
