const daytime = /\b(?:DAY|MORNING|AFTERNOON|DAWN|SUNRISE|NOON|MIDDAY)\b/;
const nighttime = /\b(?:NIGHT|EVENING|DUSK|SUNSET|MIDNIGHT|TWILIGHT)\b/;
const numberWords: Record<string, number> = {
  A: 1,
  ONE: 1,
  TWO: 2,
  THREE: 3,
  FOUR: 4,
  FIVE: 5,
  SIX: 6,
  SEVEN: 7,
  FEW: 2,
  SEVERAL: 3,
};

/**
 * Infers the story day of each scene from the times of day in order: `NEXT DAY`/`NEXT MORNING` and
 * `3 DAYS LATER` move on, night followed by day starts a new day, `LATER`/`CONTINUOUS`/`SAME` stay.
 * Returns `null` for every scene when no heading gives a time of day.
 */
export function inferStoryDays(timesOfDay: Array<string | null>): Array<number | null> {
  if (timesOfDay.every((time) => time === null)) return timesOfDay.map(() => null);
  let day = 1;
  let period: "day" | "night" | null = null;
  return timesOfDay.map((time) => {
    const text = time ?? "";
    const later = /\b(\d+|[A-Z]+) DAYS? LATER\b/.exec(text);
    if (/\bNEXT (?:DAY|MORNING|NIGHT)\b|\bFOLLOWING\b/.test(text)) day += 1;
    else if (later) day += Number(later[1]) || numberWords[later[1] ?? ""] || 1;
    else if (/\b(?:WEEKS?|MONTHS?|YEARS?) LATER\b/.test(text)) day += 1;
    else if (daytime.test(text) && period === "night") day += 1;
    if (daytime.test(text)) period = "day";
    else if (nighttime.test(text)) period = "night";
    return day;
  });
}
