import { randomUUID } from "node:crypto";
import type { JobHandle } from "../../jobs/job-queue.ts";
import type { JobEvent, JobService, JobSnapshot } from "../../jobs/job-service.ts";
import { AppError } from "../../lib/errors.ts";

/** The work behind one test tool: runs with the job's input, reports progress, honours the signal. */
export type TestJobWork = (
  input: unknown,
  job: { progress(percent: number, message: string): void; signal: AbortSignal },
) => Promise<unknown>;

type Entry = { userId: string; snapshot: JobSnapshot; controller: AbortController };

/**
 * TEST ONLY: a small in-process `JobService` that really runs each job's work asynchronously, emits
 * job-created / job-progress / job-finished events, and cancels through an abort signal. It stands in for
 * the durable job service (being written in `jobs/`) so the MCP layer can be tested against the interface;
 * switch the tests to the real service once it lands.
 */
export function createTestJobService(works: Record<string, TestJobWork>): JobService {
  const entries = new Map<string, Entry>();
  const listeners = new Map<string, Set<(event: JobEvent) => void>>();

  const emit = (entry: Entry, type: JobEvent["type"]) => {
    const event = { type, job: { ...entry.snapshot } } as JobEvent;
    for (const listener of listeners.get(entry.userId) ?? []) listener(event);
  };
  const owned = (userId: string, jobId: string): Entry => {
    const entry = entries.get(jobId);
    if (!entry || entry.userId !== userId) throw new AppError("not_found:job", "No such job.");
    return entry;
  };
  const finished = (entry: Entry) => ["succeeded", "failed", "cancelled"].includes(entry.snapshot.status);
  const finish = (entry: Entry, changes: Partial<JobSnapshot>) => {
    if (finished(entry)) return;
    Object.assign(entry.snapshot, changes, { finishedAt: new Date().toISOString() });
    emit(entry, "job-finished");
  };

  const run = async (entry: Entry, input: unknown) => {
    const work = works[entry.snapshot.tool];
    Object.assign(entry.snapshot, { status: "running", startedAt: new Date().toISOString(), attempts: 1 });
    emit(entry, "job-progress");
    try {
      if (!work) throw new AppError("bad_request:job", `No test work for ${entry.snapshot.tool}.`);
      const output = await work(input, {
        signal: entry.controller.signal,
        progress(percent, message) {
          if (finished(entry)) return;
          Object.assign(entry.snapshot, { progress: percent, message });
          emit(entry, "job-progress");
        },
      });
      finish(entry, {
        status: "succeeded",
        progress: 100,
        output,
        creditsCaptured: entry.snapshot.creditsReserved,
      });
    } catch (error) {
      const code = error instanceof AppError ? error.code : "internal:job";
      finish(entry, { status: "failed", error: { code, message: (error as Error).message } });
    }
  };

  return {
    async enqueue(request): Promise<JobHandle> {
      const jobId = randomUUID();
      const entry: Entry = {
        userId: request.userId,
        controller: new AbortController(),
        snapshot: {
          jobId,
          tool: request.tool,
          projectId: request.projectId ?? null,
          status: "queued",
          progress: 0,
          message: null,
          etaSeconds: null,
          attempts: 0,
          error: null,
          output: null,
          creditsReserved: request.estimatedCredits,
          creditsCaptured: 0,
          createdAt: new Date().toISOString(),
          startedAt: null,
          finishedAt: null,
        },
      };
      entries.set(jobId, entry);
      emit(entry, "job-created");
      setImmediate(() => void run(entry, request.input));
      return { jobId, status: "queued", estimatedCredits: request.estimatedCredits };
    },
    async get(userId, jobId) {
      return { ...owned(userId, jobId).snapshot };
    },
    async list(userId, filter = {}) {
      return [...entries.values()]
        .filter((entry) => entry.userId === userId)
        .filter((entry) => !filter.status || entry.snapshot.status === filter.status)
        .filter((entry) => !filter.projectId || entry.snapshot.projectId === filter.projectId)
        .map((entry) => ({ ...entry.snapshot }))
        .reverse()
        .slice(0, filter.limit ?? 50);
    },
    async cancel(userId, jobId) {
      const entry = owned(userId, jobId);
      entry.controller.abort();
      finish(entry, {
        status: "cancelled",
        error: { code: "cancelled:job", message: "Cancelled by the user." },
      });
      return { ...entry.snapshot };
    },
    async retry(userId, jobId) {
      const entry = owned(userId, jobId);
      return this.enqueue({
        userId,
        tool: entry.snapshot.tool,
        input: null,
        estimatedCredits: entry.snapshot.creditsReserved,
      });
    },
    async subscribe(userId, listener) {
      const set = listeners.get(userId) ?? new Set();
      set.add(listener);
      listeners.set(userId, set);
      return async () => {
        set.delete(listener);
      };
    },
  };
}
