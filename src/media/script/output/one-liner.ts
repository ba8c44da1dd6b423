import type { Breakdown } from "../breakdown-model.ts";
import { formatEighths } from "../eighths.ts";

/** A strip of the stripboard / a line of the one-liner schedule. */
export interface OneLinerRow {
  scene: string;
  intExt: string;
  set: string;
  dayNight: string;
  storyDay: number | null;
  page: number;
  eighths: string;
  castNumbers: number[];
  synopsis: string;
}

/** `D` or `N` as a schedule prints it; any other time of day (`CONTINUOUS`, `LATER`) as written. */
export function dayNight(timeOfDay: string | null): string {
  if (!timeOfDay) return "";
  if (/NIGHT|EVENING|DUSK|MIDNIGHT|SUNSET/.test(timeOfDay)) return "N";
  if (/DAY|MORNING|AFTERNOON|DAWN|NOON|SUNRISE/.test(timeOfDay)) return "D";
  return timeOfDay;
}

/** The one-liner: scene, I/E, set, D/N, length like `1 3/8` and the cast numbers of each scene. */
export function oneLiner(breakdown: Breakdown): OneLinerRow[] {
  const castNumbers = new Map(
    breakdown.characters.map((character) => [character.name, character.castNumber]),
  );
  return breakdown.scenes.map((scene) => ({
    scene: scene.number,
    intExt: scene.intExt ?? "",
    set: scene.set,
    dayNight: dayNight(scene.timeOfDay),
    storyDay: scene.storyDay,
    page: scene.page,
    eighths: formatEighths(scene.eighths),
    castNumbers: scene.elements
      .filter((element) => element.category === "cast")
      .flatMap((element) => castNumbers.get(element.name) ?? [])
      .sort((left, right) => left - right),
    synopsis: scene.synopsis,
  }));
}

/** The one-liner as fixed-width text, one scene a line. */
export function oneLinerText(breakdown: Breakdown): string {
  return oneLiner(breakdown)
    .map(
      (row) =>
        `${row.scene.padEnd(5)} ${row.intExt.padEnd(7)} ${row.set.slice(0, 40).padEnd(40)} ${row.dayNight.padEnd(2)} ${row.eighths.padStart(6)} pgs  ${row.castNumbers.join(", ")}`,
    )
    .join("\n");
}
