import { randomUUID } from "node:crypto";
import type { DatabaseHandle } from "../../db/client.ts";
import { claimReadyJob, nextRunAt, releaseLeases } from "../../db/queries/jobs.ts";
import { withSystem } from "../../db/rls.ts";
import type { Logger } from "../../lib/logger.ts";
import { type JobLifecycle, jobsCancelledChannel } from "../job-lifecycle.ts";
import { driveJob } from "./drive-job.ts";
import type { ServeProtocol } from "./serve-protocol.ts";

/** The channel a new or retried job is announced on, so idle workers in every process wake at once. */
export const jobsReadyChannel = "nollyai_jobs_ready";

export type EmbeddedExecutorOptions = {
  database: DatabaseHandle;
  protocol: ServeProtocol;
  lifecycle: JobLifecycle;
  logger: Logger;
  /** Jobs this process runs at once. */
  concurrency: number;
  /** Jobs one user may have running at once, across all processes. */
  userConcurrency: number;
  leaseSeconds: number;
  retryBaseMs: number;
  /** The longest an idle worker sleeps before looking again (a missed wake-up costs at most this). */
  pollMs?: number;
};

/**
 * The embedded job engine: a few workers in this process claim ready jobs from the shared jobs table
 * (`FOR UPDATE SKIP LOCKED`, leases with heartbeats) and drive each through the Inngest serve protocol.
 * Several processes on one PostgreSQL database share the queue; a dead worker's lease expires and its job
 * is picked up again, resuming after its last stored step.
 */
export function createEmbeddedExecutor(options: EmbeddedExecutorOptions) {
  const worker = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const logger = options.logger.child({ component: "job-executor", worker });
  const pollMs = options.pollMs ?? 1_000;
  let running = false;
  let sleepers: (() => void)[] = [];
  let loops: Promise<void>[] = [];
  let unlisten: (() => Promise<void>) | undefined;
  const active = new Set<string>();
  const cancelled = new Set<string>();
  let unlistenCancelled: (() => Promise<void>) | undefined;

  const wake = () => {
    const waiting = sleepers;
    sleepers = [];
    for (const resolve of waiting) resolve();
  };

  const idle = async () => {
    const next = await withSystem(options.database.db, (tx) => nextRunAt(tx)).catch(() => undefined);
    const untilNext = next ? Math.max(5, next.getTime() - Date.now()) : pollMs;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.min(pollMs, untilNext));
      sleepers.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  };

  const claim = () =>
    withSystem(options.database.db, (tx) =>
      claimReadyJob(tx, {
        worker,
        token: randomUUID(),
        leaseSeconds: options.leaseSeconds,
        userLimit: options.userConcurrency,
        candidates: options.concurrency * 2 + 4,
        exclude: [...active],
      }),
    );

  const loop = async () => {
    while (running) {
      try {
        const claimed = await claim();
        if (!claimed) {
          await idle();
          continue;
        }
        const { job, resumed } = claimed;
        active.add(job.id);
        await driveJob(
          {
            db: options.database.db,
            protocol: options.protocol,
            lifecycle: options.lifecycle,
            logger,
            leaseSeconds: options.leaseSeconds,
            retryBaseMs: options.retryBaseMs,
            keepGoing: () => running,
            cancelled: () => cancelled.has(job.id),
          },
          job,
          resumed,
        ).finally(() => {
          active.delete(job.id);
          cancelled.delete(job.id);
        });
      } catch (error) {
        if (!running) return;
        logger.error(
          { err: error },
          "job worker hit an error; the job's lease will expire and it will resume",
        );
        await idle();
      }
    }
  };

  return {
    worker,

    async start(): Promise<void> {
      if (running) return;
      // Only one process can open an embedded database, so every lease found at start-up is a dead one.
      if (options.database.mode === "pglite")
        await withSystem(options.database.db, (tx) => releaseLeases(tx));
      unlisten = await options.database.listen(jobsReadyChannel, wake);
      unlistenCancelled = await options.database.listen(jobsCancelledChannel, (jobId) => {
        if (active.has(jobId)) cancelled.add(jobId);
      });
      running = true;
      loops = Array.from({ length: options.concurrency }, () => loop());
      logger.info({ concurrency: options.concurrency }, "embedded job executor started");
    },

    /** Wakes idle workers (a job was just queued in this process). */
    wake,

    /** Stops taking jobs, lets running steps finish, and hands unfinished jobs back to the queue. */
    async stop(): Promise<void> {
      if (!running) return;
      running = false;
      wake();
      await Promise.allSettled(loops);
      await unlisten?.();
      await unlistenCancelled?.();
      await withSystem(options.database.db, (tx) => releaseLeases(tx, worker)).catch((error: unknown) =>
        logger.warn({ err: error }, "could not release job leases on stop"),
      );
    },
  };
}

export type EmbeddedExecutor = ReturnType<typeof createEmbeddedExecutor>;
