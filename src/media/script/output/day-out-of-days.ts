import type { Breakdown } from "../breakdown-model.ts";

/** Day-out-of-days codes: start work, work, work finish, start-work-finish (one day), hold. */
export type DayCode = "SW" | "W" | "WF" | "SWF" | "H" | "";

/** A character's line on the day-out-of-days. */
export interface DayOutOfDaysRow {
  castNumber: number;
  name: string;
  codes: DayCode[];
  workDays: number;
  holdDays: number;
}

/**
 * A day-out-of-days draft by story day (the shooting schedule does not exist yet): each character
 * starts work on their first story day, finishes on their last, and is on hold between.
 */
export function dayOutOfDays(breakdown: Breakdown): { days: number[]; rows: DayOutOfDaysRow[] } {
  const days = [...new Set(breakdown.scenes.map((scene) => scene.storyDay ?? 1))].sort(
    (left, right) => left - right,
  );
  const rows = breakdown.characters.map((character) => {
    const worked = new Set(
      breakdown.scenes
        .filter((scene) =>
          scene.elements.some((element) => element.category === "cast" && element.name === character.name),
        )
        .map((scene) => scene.storyDay ?? 1),
    );
    const first = days.findIndex((day) => worked.has(day));
    const last = days.findLastIndex((day) => worked.has(day));
    const codes = days.map((day, index): DayCode => {
      if (index < first || index > last || first < 0) return "";
      if (!worked.has(day)) return "H";
      if (first === last) return "SWF";
      return index === first ? "SW" : index === last ? "WF" : "W";
    });
    return {
      castNumber: character.castNumber,
      name: character.name,
      codes,
      workDays: codes.filter((code) => code !== "" && code !== "H").length,
      holdDays: codes.filter((code) => code === "H").length,
    };
  });
  return { days, rows };
}
