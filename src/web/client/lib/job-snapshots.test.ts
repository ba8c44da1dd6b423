import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { laterJobSnapshot, mergeJobLists, upsertJobSnapshot } from "./job-snapshots.ts";
import type { JobSnapshot } from "./types.ts";

function snapshot(overrides: Partial<JobSnapshot> = {}): JobSnapshot {
  return {
    jobId: "job-1",
    tool: "breakdown-script",
    projectId: "project-1",
    status: "queued",
    progress: 0,
    message: null,
    etaSeconds: null,
    attempts: 0,
    error: null,
    output: null,
    creditsReserved: 1,
    creditsCaptured: 0,
    createdAt: "2026-11-24T06:00:00.000Z",
    startedAt: null,
    finishedAt: null,
    ...overrides,
  };
}

const queued = snapshot();
const running = (progress: number, message = `at ${progress}`) =>
  snapshot({ status: "running", progress, message, attempts: 1 });
const succeeded = snapshot({ status: "succeeded", progress: 100, attempts: 1, output: { ok: true } });

describe("job snapshots from two roads (events and list requests)", () => {
  test("a late list answer does not move a running job back to queued or to less progress", () => {
    expect(laterJobSnapshot(running(81), queued)).toEqual(running(81));
    expect(laterJobSnapshot(running(81), running(60))).toEqual(running(81));
    expect(laterJobSnapshot(succeeded, running(93))).toEqual(succeeded);
  });

  test("newer snapshots win, and on a tie the incoming one brings its message and ETA", () => {
    expect(laterJobSnapshot(queued, running(5))).toEqual(running(5));
    expect(laterJobSnapshot(running(87), succeeded)).toEqual(succeeded);
    const fresher = { ...running(50, "Wrote the sheets"), etaSeconds: 3 };
    expect(laterJobSnapshot(running(50, "Extracting"), fresher)).toEqual(fresher);
  });

  test("a retry after a transient error (a later attempt) wins even though it starts lower", () => {
    const secondAttempt = snapshot({ status: "queued", progress: 40, attempts: 2 });
    expect(laterJobSnapshot(running(40), secondAttempt)).toEqual(secondAttempt);
  });

  test("whatever order the snapshots arrive in, the job ends at the latest one", () => {
    const life = [queued, running(5), running(60), running(81), running(87), succeeded];
    fc.assert(
      fc.property(fc.shuffledSubarray(life, { minLength: life.length }), (arrival) => {
        const [first, ...rest] = arrival;
        const seen: number[] = [];
        let shown = first ?? queued;
        for (const next of rest) {
          shown = laterJobSnapshot(shown, next);
          seen.push(shown.progress);
        }
        expect(shown).toEqual(succeeded);
        expect(seen).toEqual([...seen].sort((a, b) => a - b));
      }),
    );
  });

  test("a stale list keeps the cached later snapshots and a job created after it was asked for", () => {
    const older = snapshot({
      jobId: "job-0",
      status: "succeeded",
      progress: 100,
      createdAt: "2026-11-24T05:00:00.000Z",
    });
    const justCreated = snapshot({ jobId: "job-2", createdAt: "2026-11-24T06:05:00.000Z" });
    const merged = mergeJobLists([justCreated, running(81), older], [queued, older]);
    expect(merged).toEqual([justCreated, running(81), older]);
    expect(mergeJobLists(null, [queued])).toEqual([queued]);
    expect(mergeJobLists([queued], null)).toBeNull();
    // A job the server no longer lists and that is older than the list is gone (retention removed it).
    expect(mergeJobLists([running(81), older], [running(87)])).toEqual([running(87)]);
  });

  test("upsert adds a new job at the top and folds an update into its entry", () => {
    const other = snapshot({ jobId: "job-0" });
    expect(upsertJobSnapshot([other], queued)).toEqual([queued, other]);
    expect(upsertJobSnapshot([running(81), other], queued)).toEqual([running(81), other]);
    expect(upsertJobSnapshot([running(81), other], running(87))).toEqual([running(87), other]);
  });
});
