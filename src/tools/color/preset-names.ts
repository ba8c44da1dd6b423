import { z } from "zod";
import { type PresetId, presetIdSchema } from "../../media/color/index.ts";

/** Names people use for the built-in looks, beside their ids ("teal and orange" is the Cinematic look). */
export const presetAliases = {
  "teal-orange": "cinematic",
  warm: "nollywood-warm",
  "black-and-white": "noir",
  faded: "vintage",
  sunset: "golden-hour",
} as const satisfies Record<string, PresetId>;

/** A built-in look by id or by a common name. */
export const presetNameSchema = z.enum([
  ...presetIdSchema.options,
  ...(Object.keys(presetAliases) as (keyof typeof presetAliases)[]),
]);
export type PresetName = z.infer<typeof presetNameSchema>;

/** The preset id a name stands for. */
export function presetIdOf(name: PresetName): PresetId {
  return name in presetAliases ? presetAliases[name as keyof typeof presetAliases] : (name as PresetId);
}
