import type { JobSnapshot } from "./types.ts";

const finished = new Set<JobSnapshot["status"]>(["succeeded", "failed", "cancelled"]);

/**
 * Where a job is in its one-way life (queued → running → finished; progress never goes down; a retry after a
 * transient error is a later attempt), as a tuple to compare.
 */
function stage(job: JobSnapshot): number[] {
  return [finished.has(job.status) ? 1 : 0, job.attempts, job.status === "running" ? 1 : 0, job.progress];
}

/**
 * The later of two snapshots of the same job. Snapshots reach the client by two roads (the event stream and
 * list requests), and a list answer started before an event can land after it: an older snapshot must not
 * move the progress bar back. On a tie the incoming one wins, for its fresher message and ETA.
 */
export function laterJobSnapshot(current: JobSnapshot, incoming: JobSnapshot): JobSnapshot {
  const [a, b] = [stage(current), stage(incoming)];
  for (let index = 0; index < a.length; index += 1) {
    const difference = (b[index] ?? 0) - (a[index] ?? 0);
    if (difference !== 0) return difference > 0 ? { ...current, ...incoming } : current;
  }
  return { ...current, ...incoming };
}

/**
 * `incoming` (a fresh list from the server) with each job kept at its later snapshot from `current`; a job
 * that only `current` knows and that is newer than the whole list (the list was asked for before it was
 * created) stays at the top.
 */
export function mergeJobLists(
  current: JobSnapshot[] | null | undefined,
  incoming: JobSnapshot[] | null,
): JobSnapshot[] | null {
  if (!current || !incoming) return incoming;
  const known = new Map(current.map((job) => [job.jobId, job]));
  const listed = new Set(incoming.map((job) => job.jobId));
  const newestListed =
    incoming
      .map((job) => job.createdAt)
      .sort()
      .at(-1) ?? "";
  const unlisted = current.filter((job) => !listed.has(job.jobId) && job.createdAt > newestListed);
  return [
    ...unlisted,
    ...incoming.map((job) => {
      const earlier = known.get(job.jobId);
      return earlier ? laterJobSnapshot(earlier, job) : job;
    }),
  ];
}

/** `current` with `job` added at the top, or folded into its existing entry. */
export function upsertJobSnapshot(current: JobSnapshot[], job: JobSnapshot): JobSnapshot[] {
  const index = current.findIndex((existing) => existing.jobId === job.jobId);
  if (index === -1) return [job, ...current];
  return current.map((existing) =>
    existing.jobId === job.jobId ? laterJobSnapshot(existing, job) : existing,
  );
}
