import { randomUUID } from "node:crypto";
import type { DatabaseHandle } from "../../db/client.ts";
import { nextRunAt, releaseLeases } from "../../db/queries/jobs.ts";
import { withSystem } from "../../db/rls.ts";
import type { Logger } from "../../lib/logger.ts";
import { type JobLifecycle, jobsCancelledChannel } from "../job-lifecycle.ts";
import { type ClaimedJob, claimJobs } from "./claim-jobs.ts";
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

function pause(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/**
 * The embedded job engine: one claimer in this process fills its free slots with ready jobs from the shared
 * jobs table (`FOR UPDATE SKIP LOCKED`, leases with heartbeats), and each slot drives its job through the
 * Inngest serve protocol.
 * Several processes on one PostgreSQL database share the queue; a dead worker's lease expires and its job
 * is picked up again, resuming after its last stored step.
 */
export function createEmbeddedExecutor(options: EmbeddedExecutorOptions) {
  const worker = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const logger = options.logger.child({ component: "job-executor", worker });
  const pollMs = options.pollMs ?? 1_000;
  let running = false;
  let sleepers: (() => void)[] = [];
  let claimer: Promise<void> | undefined;
  let unlisten: (() => Promise<void>) | undefined;
  const active = new Set<string>();
  const cancelled = new Set<string>();
  let unlistenCancelled: (() => Promise<void>) | undefined;

  /** A wake-up that came while the claimer was busy claiming: it must look again before sleeping. */
  let wokenWhileBusy = false;

  const wake = () => {
    const waiting = sleepers;
    sleepers = [];
    if (waiting.length === 0) wokenWhileBusy = true;
    for (const resolve of waiting) resolve();
  };

  const idle = async () => {
    if (wokenWhileBusy) return;
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

  /** Resolves the claimer's wait for a free slot. */
  let slotFreed: (() => void) | undefined;
  const drives = new Set<Promise<void>>();

  const drive = (claimed: ClaimedJob) => {
    const { job, resumed } = claimed;
    active.add(job.id);
    const driving = driveJob(
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
    )
      .catch((error: unknown) => {
        logger.error(
          { err: error, jobId: job.id },
          "job worker hit an error; the job's lease will expire and it will resume",
        );
      })
      .finally(() => {
        active.delete(job.id);
        cancelled.delete(job.id);
        drives.delete(driving);
        slotFreed?.();
      });
    drives.add(driving);
  };

  const waitForSlot = () =>
    new Promise<void>((resolve) => {
      slotFreed = () => {
        slotFreed = undefined;
        resolve();
      };
    });

  /**
   * One claimer per process fills every free slot with one claim transaction, so the slots of a process never
   * compete with each other for rows or for a user's advisory lock, and a busy queue is claimed in batches.
   */
  const claimLoop = async () => {
    while (running) {
      const free = options.concurrency - active.size;
      if (free <= 0) {
        await waitForSlot();
        continue;
      }
      try {
        wokenWhileBusy = false;
        const { claimed, contended } = await claimJobs(options.database.db, {
          worker,
          slots: free,
          leaseSeconds: options.leaseSeconds,
          userLimit: options.userConcurrency,
          exclude: [...active],
        });
        // Stopped while claiming: `stop` releases every lease of this worker, these fresh ones too.
        if (!running) return;
        for (const job of claimed) drive(job);
        if (claimed.length > 0) continue;
        // Another process held a user's claim lock for a moment: look again soon rather than after a poll.
        if (contended) await pause(5 + Math.random() * 10);
        else await idle();
      } catch (error) {
        if (!running) return;
        logger.error({ err: error }, "claiming jobs failed; trying again after a pause");
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
      claimer = claimLoop();
      logger.info({ concurrency: options.concurrency }, "embedded job executor started");
    },

    /** Wakes idle workers (a job was just queued in this process). */
    wake,

    /** Stops taking jobs, lets running steps finish, and hands unfinished jobs back to the queue. */
    async stop(): Promise<void> {
      if (!running) return;
      running = false;
      wake();
      slotFreed?.();
      await claimer;
      await Promise.allSettled([...drives]);
      await unlisten?.();
      await unlistenCancelled?.();
      await withSystem(options.database.db, (tx) => releaseLeases(tx, worker)).catch((error: unknown) =>
        logger.warn({ err: error }, "could not release job leases on stop"),
      );
    },
  };
}

export type EmbeddedExecutor = ReturnType<typeof createEmbeddedExecutor>;
