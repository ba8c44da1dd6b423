import { z } from "zod";

/** The standard breakdown categories, in the order breakdown sheets list them. */
export const breakdownCategorySchema = z.enum([
  "cast",
  "background",
  "stunts",
  "vehicles",
  "props",
  "special_effects",
  "wardrobe",
  "makeup_hair",
  "animals",
  "music",
  "sound",
  "set_dressing",
  "special_equipment",
  "visual_effects",
]);
export type BreakdownCategory = z.infer<typeof breakdownCategorySchema>;
export const breakdownCategories = breakdownCategorySchema.options;

/** How each category is shown: its label, and the colour and mark breakdown artists conventionally use. */
export const categoryStyles: Record<
  BreakdownCategory,
  { label: string; color: string; mark?: "circle" | "asterisk" | "box" | "underline" }
> = {
  cast: { label: "Cast Members", color: "#d32f2f" },
  background: { label: "Background Actors", color: "#2e7d32" },
  stunts: { label: "Stunts", color: "#ef6c00" },
  vehicles: { label: "Vehicles", color: "#d81b60" },
  props: { label: "Props", color: "#6a1b9a" },
  special_effects: { label: "Special Effects", color: "#1565c0" },
  wardrobe: { label: "Wardrobe", color: "#000000", mark: "circle" },
  makeup_hair: { label: "Makeup/Hair", color: "#000000", mark: "asterisk" },
  animals: { label: "Animals", color: "#8d6e63" },
  music: { label: "Music", color: "#c0a000" },
  sound: { label: "Sound", color: "#6d4c41", mark: "box" },
  set_dressing: { label: "Set Dressing", color: "#5d4037" },
  special_equipment: { label: "Special Equipment", color: "#000000", mark: "box" },
  visual_effects: { label: "Visual Effects", color: "#00838f", mark: "underline" },
};

const aliases: Array<[RegExp, BreakdownCategory]> = [
  [/^cast/i, "cast"],
  [/extra|background|atmosphere/i, "background"],
  [/stunt/i, "stunts"],
  [/vehicle|picture car/i, "vehicles"],
  [/^props?$|hand prop/i, "props"],
  [/special effect|sfx|mechanical/i, "special_effects"],
  [/wardrobe|costume/i, "wardrobe"],
  [/make-?up|hair/i, "makeup_hair"],
  [/animal|livestock/i, "animals"],
  [/music/i, "music"],
  [/sound/i, "sound"],
  [/set dress|greenery/i, "set_dressing"],
  [/special equipment|equipment/i, "special_equipment"],
  [/visual|vfx|optical/i, "visual_effects"],
];

/** Maps a category name from another tool (Final Draft, Movie Magic) onto ours; `null` when none fits. */
export function categoryFromName(name: string): BreakdownCategory | null {
  const direct = breakdownCategorySchema.safeParse(name);
  if (direct.success) return direct.data;
  return aliases.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}
