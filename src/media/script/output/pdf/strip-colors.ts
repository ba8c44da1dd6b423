import type { BreakdownScene } from "../../breakdown-model.ts";
import { dayNight } from "../one-liner.ts";

/**
 * Stripboard colours, the convention production boards and breakdown sheet headers share: day interior
 * white, day exterior yellow, night interior blue, night exterior green; grey when the headings do not say.
 */
export const stripColors = {
  dayInterior: "#ffffff",
  dayExterior: "#fff176",
  nightInterior: "#90caf9",
  nightExterior: "#a5d6a7",
  unknown: "#e0e0e0",
} as const;

/** The strip colour of a scene from its INT/EXT and time of day. */
export function stripColorOf(scene: Pick<BreakdownScene, "intExt" | "timeOfDay">): string {
  const exterior = scene.intExt === "EXT" || scene.intExt === "INT/EXT";
  const interior = scene.intExt === "INT";
  const time = dayNight(scene.timeOfDay);
  if (time === "D" && (exterior || interior))
    return exterior ? stripColors.dayExterior : stripColors.dayInterior;
  if (time === "N" && (exterior || interior))
    return exterior ? stripColors.nightExterior : stripColors.nightInterior;
  return stripColors.unknown;
}
