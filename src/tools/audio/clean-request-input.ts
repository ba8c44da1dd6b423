import { z } from "zod";
import { type CleanOptionsInput, cleanOptionsSchema } from "../../media/audio/index.ts";

/** Plain-language strengths of noise reduction. */
const noiseStrengths = { light: 0.45, medium: 0.7, strong: 0.95 } as const;

/** Delivery targets as people say them, mapped to the engine's. */
const loudnessTargetNames = { broadcast: "ebu-r128", podcast: "podcast", streaming: "streaming" } as const;

/**
 * The cleaning choices shared by `clean-audio` and `preview-clean`: a few flat, plain-language switches
 * (what a person asks for, and what the offline chat model can fill) over the engine's full `options`.
 * A switch that is given wins over the same setting in `options`.
 */
export const cleanChoicesShape = {
  noiseReduction: z
    .enum(["off", "light", "medium", "strong"])
    .optional()
    .describe("Background/generator noise removal; by default on only when the recording is noisy."),
  removeHum: z
    .boolean()
    .optional()
    .describe("Remove 50/60 Hz mains or generator hum (by default only when hum is found)."),
  removeEcho: z.boolean().optional().describe("Reduce room or hall echo (dereverberation); off by default."),
  deEss: z.boolean().optional().describe("Tame harsh S sounds; off by default."),
  deClick: z.boolean().optional().describe("Repair clicks and crackle; off by default."),
  loudnessTarget: z
    .enum(["broadcast", "podcast", "streaming", "off"])
    .optional()
    .describe(
      "Loudness to normalise to: broadcast (EBU R128, −23 LUFS, the default), podcast (−16), streaming (−14), or off.",
    ),
  options: cleanOptionsSchema
    .partial()
    .optional()
    .describe(
      "Advanced: the engine's full options (highPass, humRemoval, deClick, noiseReduction incl. noiseRange {start,end} seconds of noise only, dereverb incl. t60, deEss, loudness incl. targetLufs and truePeakDbtp).",
    ),
};

const cleanChoices = z.object(cleanChoicesShape);

/** The plain switches and advanced options of a clean request. */
export type CleanChoices = z.infer<typeof cleanChoices>;

/** Merges the plain switches into the engine's options. */
export function toCleanOptions(choices: CleanChoices): CleanOptionsInput {
  const options: CleanOptionsInput = { ...(choices.options ?? {}) };
  if (choices.noiseReduction === "off")
    options.noiseReduction = { ...options.noiseReduction, enabled: false };
  else if (choices.noiseReduction) {
    options.noiseReduction = {
      ...options.noiseReduction,
      enabled: true,
      strength: noiseStrengths[choices.noiseReduction],
    };
  }
  if (choices.removeHum !== undefined)
    options.humRemoval = { ...options.humRemoval, enabled: choices.removeHum };
  if (choices.removeEcho !== undefined)
    options.dereverb = { ...options.dereverb, enabled: choices.removeEcho };
  if (choices.deEss !== undefined) options.deEss = { ...options.deEss, enabled: choices.deEss };
  if (choices.deClick !== undefined) options.deClick = { ...options.deClick, enabled: choices.deClick };
  if (choices.loudnessTarget === "off") options.loudness = { ...options.loudness, enabled: false };
  else if (choices.loudnessTarget) {
    options.loudness = {
      ...options.loudness,
      enabled: true,
      target: loudnessTargetNames[choices.loudnessTarget],
    };
  }
  return options;
}
