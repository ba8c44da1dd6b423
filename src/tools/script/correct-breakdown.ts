import { z } from "zod";
import { AppError } from "../../lib/errors.ts";
import {
  applyCorrections,
  type BreakdownScene,
  breakdownCategorySchema,
  type Correction,
} from "../../media/script/index.ts";
import { defineTool } from "../tool.ts";
import { correctionsOfFile, insertBreakdownRevision, insertCorrection } from "./breakdown-queries.ts";
import { breakdownSelector, resolveBreakdown } from "./resolve-breakdown.ts";
import { breakdownReference, sceneView, toBreakdownReference, toSceneView } from "./scene-view.ts";

type CorrectionRequest = {
  kind: "add" | "remove" | "recategorise";
  name: string;
  category?: z.infer<typeof breakdownCategorySchema> | undefined;
  to?: z.infer<typeof breakdownCategorySchema> | undefined;
};

/** Turns the request into the engine's correction, naming the element's category when the user left it out. */
function toCorrection(scene: BreakdownScene, request: CorrectionRequest): Correction {
  const { kind, name } = request;
  const sceneKey = scene.key;
  if (kind === "add") {
    if (!request.category) {
      throw new AppError(
        "bad_request:correction",
        `Say which category "${name}" belongs to (props, cast, animals…).`,
      );
    }
    return { kind, sceneKey, name, category: request.category };
  }
  const candidates = scene.elements.filter(
    (element) =>
      element.name.trim().toLowerCase() === name.trim().toLowerCase() &&
      (!request.category || element.category === request.category),
  );
  const [element] = candidates;
  if (!element) {
    const present = scene.elements.map((existing) => `${existing.name} (${existing.category})`).join(", ");
    throw new AppError(
      "not_found:element",
      `Scene ${scene.number} has no element "${name}"${request.category ? ` in ${request.category}` : ""}. It has: ${present || "no elements"}.`,
    );
  }
  if (candidates.length > 1) {
    throw new AppError(
      "bad_request:correction",
      `"${name}" is in several categories in scene ${scene.number}; say which category.`,
    );
  }
  if (kind === "remove") return { kind, sceneKey, name: element.name, category: element.category };
  if (!request.to) {
    throw new AppError("bad_request:correction", `Say which category to move "${name}" to (the "to" field).`);
  }
  return { kind, sceneKey, name: element.name, from: element.category, to: request.to };
}

export const correctBreakdownTool = defineTool({
  name: "correct-breakdown",
  title: "Correct a breakdown",
  description:
    "Corrects one element of one scene of a script's breakdown: add an element the extraction missed (give its category), remove a wrong one, or recategorise one (give 'to'). The correction is saved and applied at once (a new revision of the breakdown) and again every time the script is broken down anew. Free. Use it when the user says the breakdown is wrong about a scene.",
  inputSchema: z.object({
    ...breakdownSelector,
    kind: z.enum(["add", "remove", "recategorise"]),
    sceneNumber: z.union([z.string().trim().min(1).max(20), z.number().int().positive()]),
    name: z.string().trim().min(1).max(120),
    category: breakdownCategorySchema.optional().describe("The element's category (needed to add)"),
    to: breakdownCategorySchema.optional().describe("The new category (to recategorise)"),
  }),
  outputSchema: z.object({
    breakdown: breakdownReference,
    correction: z.object({ kind: z.string(), sceneKey: z.string(), name: z.string() }).loose(),
    scene: sceneView,
  }),
  cost: 0,
  annotations: { readOnly: false, destructive: false, longRunning: false, idempotent: false },
  examples: [
    "add a goat to scene 3",
    "remove the beers from scene 1, they're not props",
    "the money in scene 2 is set dressing, not props",
    "scene 4 needs a police car",
    "comot the gun from scene 5",
    "add am: scene 2 get motorcycle",
  ],
  async execute(context, input) {
    const record = await resolveBreakdown(context.transaction, input);
    const wanted = String(input.sceneNumber).toUpperCase();
    const scene = record.data.breakdown.scenes.find((candidate) => candidate.number.toUpperCase() === wanted);
    if (!scene) {
      throw new AppError(
        "not_found:scene",
        `There is no scene ${wanted} in the breakdown of "${record.fileName}"; list the scenes to find it.`,
      );
    }
    const correction = toCorrection(scene, input);
    const updated = await context.transaction(async (tx) => {
      await insertCorrection(tx, {
        ownerId: context.user.id,
        projectId: record.projectId,
        fileId: record.fileId,
        correction,
      });
      const corrections = await correctionsOfFile(tx, record.fileId);
      const { breakdown, unapplied } = applyCorrections(record.data.extracted, corrections);
      return insertBreakdownRevision(tx, {
        ownerId: context.user.id,
        projectId: record.projectId,
        fileId: record.fileId,
        contentHash: record.contentHash,
        extractor: record.extractor,
        data: { extracted: record.data.extracted, breakdown, unapplied },
      });
    });
    const correctedScene =
      updated.data.breakdown.scenes.find((candidate) => candidate.key === scene.key) ?? scene;
    return {
      breakdown: toBreakdownReference({ ...updated, fileName: record.fileName }),
      correction,
      scene: toSceneView(correctedScene),
    };
  },
});
