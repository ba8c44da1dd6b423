import type { BreakdownCategory } from "../../../../media/script/index.ts";

/**
 * How each breakdown category looks in the cards: its label and chip colours, following the colours
 * breakdown artists use (cast red, extras green, stunts orange, vehicles pink, props purple, SFX blue…).
 * Typed by the engine's category union, so a new category fails to compile until it has a colour.
 */
export const categoryLooks: Record<BreakdownCategory, { label: string; chip: string }> = {
  cast: { label: "Cast", chip: "border-red-500/60 bg-red-500/15 text-red-200" },
  background: { label: "Extras", chip: "border-green-500/60 bg-green-500/15 text-green-200" },
  stunts: { label: "Stunts", chip: "border-orange-500/60 bg-orange-500/15 text-orange-200" },
  vehicles: { label: "Vehicles", chip: "border-pink-500/60 bg-pink-500/15 text-pink-200" },
  props: { label: "Props", chip: "border-purple-500/60 bg-purple-500/15 text-purple-200" },
  special_effects: { label: "SFX", chip: "border-blue-500/60 bg-blue-500/15 text-blue-200" },
  wardrobe: { label: "Wardrobe", chip: "border-teal-500/60 bg-teal-500/15 text-teal-200" },
  makeup_hair: { label: "Makeup/Hair", chip: "border-fuchsia-400/60 bg-fuchsia-400/15 text-fuchsia-200" },
  animals: { label: "Animals", chip: "border-amber-700/60 bg-amber-700/20 text-amber-200" },
  music: { label: "Music", chip: "border-yellow-500/60 bg-yellow-500/15 text-yellow-200" },
  sound: { label: "Sound", chip: "border-stone-400/60 bg-stone-400/15 text-stone-200" },
  set_dressing: { label: "Set dressing", chip: "border-lime-600/60 bg-lime-600/15 text-lime-200" },
  special_equipment: { label: "Equipment", chip: "border-slate-400/60 bg-slate-400/15 text-slate-200" },
  visual_effects: { label: "VFX", chip: "border-cyan-500/60 bg-cyan-500/15 text-cyan-200" },
};

/** The categories in breakdown-sheet order. */
export const categoryOrder = Object.keys(categoryLooks) as BreakdownCategory[];
