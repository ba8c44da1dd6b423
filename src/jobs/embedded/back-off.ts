/**
 * The wait before retry `attempt` (1 for the first retry): exponential from `baseMs`, with "equal jitter"
 * (half fixed, half random) so that jobs failing together do not retry together.
 */
export function backOffMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = baseMs * 2 ** Math.max(0, attempt - 1);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** The wake-up time of `step.sleep`: a duration ("30s", "2m", milliseconds) or an ISO date from `sleepUntil`. */
export function sleepUntil(name: string | undefined, now = Date.now()): Date {
  if (!name) return new Date(now);
  const asDate = Date.parse(name);
  if (/^\d{4}-\d{2}-\d{2}T/.test(name) && Number.isFinite(asDate)) return new Date(asDate);
  const units: Record<string, number> = {
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
    w: 604_800_000,
  };
  let total = 0;
  for (const match of name.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g)) {
    total += Number(match[1]) * (units[match[2] ?? "ms"] ?? 0);
  }
  if (total === 0 && /^\d+$/.test(name)) total = Number(name);
  return new Date(now + total);
}
