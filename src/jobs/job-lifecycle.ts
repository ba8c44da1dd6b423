import { eq, sql } from "drizzle-orm";
import {
  capturedCredits,
  refundJobCredits,
  reserveJobCredits,
  settleJobCredits,
} from "../credits/job-credits.ts";
import type { Database } from "../db/client.ts";
import { findJob, insertJob, lockJob, updateJob } from "../db/queries/jobs.ts";
import { getProject } from "../db/queries/projects.ts";
import { type UserTransaction, userScope, withSystem, withUser } from "../db/rls.ts";
import { type JobRecord, jobs } from "../db/schema/jobs.ts";
import { AppError } from "../lib/errors.ts";
import { isId } from "../lib/ids.ts";
import type { Logger } from "../lib/logger.ts";
import type { NotificationService, PendingMail } from "../notifications/notification-service.ts";
import type { BlobStorage } from "../storage/blob-storage.ts";
import { type AnyJobDefinition, type JobServices, jobScratchPrefix } from "./define-job.ts";
import { describeJobFailure, jobNotFound } from "./job-errors.ts";
import { jobFunctionSlug } from "./job-events.ts";
import type { EnqueueRequest } from "./job-queue.ts";
import type { JobRuntime } from "./job-runtime.ts";
import type { JobEvent } from "./job-service.ts";
import { toJobSnapshot } from "./job-snapshot.ts";
import { inParallel, withSystemPipelined } from "./system-transaction.ts";

/** Announces a cancelled job to every process, so a worker running it stops before its next step. */
export const jobsCancelledChannel = "nollyai_jobs_cancelled";

const finalStatuses = new Set<JobRecord["status"]>(["succeeded", "failed", "cancelled"]);

export type JobLifecycleOptions = {
  db: Database;
  /** Publishes a job event inside the transaction that made the change. */
  publish(tx: UserTransaction, userId: string, event: JobEvent): Promise<void>;
  notifications: NotificationService;
  storage: BlobStorage;
  logger: Logger;
  services: JobServices;
  definitions: ReadonlyMap<string, AnyJobDefinition>;
  /** The Inngest app id the SDK prefixes function ids with. */
  appId: string;
};

/**
 * Every change of a job's state, each in one system transaction with its ledger entries, its live event and
 * its notification, so they happen together or not at all. A final state is never left: completing,
 * failing or cancelling a finished job changes nothing (which makes every engine's retries safe).
 */
export function createJobLifecycle(options: JobLifecycleOptions) {
  const { db, publish, notifications } = options;

  const definitionOf = (tool: string): AnyJobDefinition => {
    const definition = options.definitions.get(tool);
    if (!definition) {
      throw new AppError("bad_request:job_tool", `No durable job is registered for the tool "${tool}".`);
    }
    return definition;
  };

  /** Runs a state change and sends the mail it recorded after it committed. */
  async function transition<T>(
    work: (tx: UserTransaction, mails: (PendingMail | undefined)[]) => Promise<T>,
  ): Promise<T> {
    const mails: (PendingMail | undefined)[] = [];
    const result = await withSystemPipelined(db, (tx) => work(tx, mails));
    for (const mail of mails) await notifications.deliver(mail);
    return result;
  }

  /**
   * Moves an unfinished job to a final state. `decide` starts the statements of the change (the job row, the
   * ledger, then the user's notice, in that order, so every transaction locks a user's balance before their
   * grouped notice), which go out together on the transaction; `job-finished` is published after the notice,
   * so a client that stops reading at `job-finished` has seen the notice.
   */
  async function finish(
    jobId: string,
    decide: (
      tx: UserTransaction,
      job: JobRecord,
    ) => {
      job: Promise<JobRecord | undefined>;
      alongside: Promise<unknown>[];
      notice?: Promise<PendingMail | undefined>;
    },
  ): Promise<JobRecord | undefined> {
    return transition(async (tx, mails) => {
      const job = await lockJob(tx, jobId);
      if (!job || finalStatuses.has(job.status)) return job;
      const change = decide(tx, job);
      const [finished, mail] = await inParallel([
        change.job,
        change.notice ?? Promise.resolve(undefined),
        ...change.alongside,
      ] as const);
      mails.push(mail);
      await publish(tx, job.ownerId, { type: "job-finished", job: toJobSnapshot(finished!) });
      return finished!;
    });
  }

  /** How notices name a job; a job whose tool is no longer registered is named by its tool id. */
  const labelOf = (tool: string) => options.definitions.get(tool)?.label ?? tool;

  const finalPatch = () => ({
    leaseOwner: null,
    leaseToken: null,
    leaseExpiresAt: null,
    finishedAt: new Date(),
  });
  const functionIdOf = (tool: string) => `${options.appId}-${jobFunctionSlug(tool)}`;

  const runtime: JobRuntime = {
    async reportProgress(jobId, progress, message) {
      await withSystem(db, async (tx) => {
        const [job] = await tx
          .update(jobs)
          .set({
            progress: sql`greatest(${jobs.progress}, ${Math.max(0, Math.min(100, Math.round(progress)))})`,
            ...(message === undefined ? {} : { message }),
            status: "running",
            startedAt: sql`coalesce(${jobs.startedAt}, now())`,
            updatedAt: new Date(),
          })
          .where(sql`${jobs.id} = ${jobId} AND ${jobs.status} IN ('queued', 'running')`)
          .returning();
        if (job) await publish(tx, job.ownerId, { type: "job-progress", job: toJobSnapshot(job) });
      });
    },

    async remember(jobId, key, value) {
      await withSystem(db, (tx) =>
        tx
          .update(jobs)
          .set({ external: sql`${jobs.external} || jsonb_build_object(${key}::text, ${value}::text)` })
          .where(eq(jobs.id, jobId)),
      );
    },

    async complete({ jobId, output, actualCost }) {
      await finish(jobId, (tx, job) => {
        const reserved = job.creditsReserved;
        const actual = actualCost ? actualCost(reserved) : reserved;
        const captured = capturedCredits(reserved, actual);
        return {
          job: updateJob(tx, jobId, {
            ...finalPatch(),
            status: "succeeded",
            progress: 100,
            message: "Done",
            output: output ?? null,
            error: null,
            creditsCaptured: captured,
          }),
          alongside: [settleJobCredits(tx, { userId: job.ownerId, jobId, tool: job.tool, reserved, actual })],
          notice: notifications.record(tx, {
            userId: job.ownerId,
            kind: "job-finished",
            title: `${labelOf(job.tool)} finished`,
            body: `Your ${labelOf(job.tool).toLowerCase()} finished${captured ? ` and used ${captured} credits` : ""}.`,
            jobId,
          }),
        };
      });
    },

    async fail(jobId, error) {
      await finish(jobId, (tx, job) => {
        const failure = describeJobFailure(error, Math.max(1, job.attempts));
        return {
          job: updateJob(tx, jobId, { ...finalPatch(), status: "failed", error: failure }),
          alongside: [
            refundJobCredits(tx, {
              userId: job.ownerId,
              jobId,
              tool: job.tool,
              reserved: job.creditsReserved,
              reason: "failed",
            }),
          ],
          notice: notifications.record(tx, {
            userId: job.ownerId,
            kind: "job-failed",
            title: `${labelOf(job.tool)} failed`,
            body: `${failure.message}${job.creditsReserved ? ` The ${job.creditsReserved} reserved credits were returned.` : ""}`,
            jobId,
          }),
        };
      });
    },

    contextFor(definition, job) {
      return {
        transaction: userScope(db, job.userId),
        storage: options.storage,
        scratchPrefix: jobScratchPrefix({ ownerId: job.userId, jobId: job.jobId }),
        logger: options.logger.child({ jobId: job.jobId, tool: definition.tool }),
        services: options.services,
      };
    },
  };

  return {
    runtime,
    definitionOf,

    /** The Inngest function id (as the SDK registers it) of a tool's job. */
    functionIdOf,

    /**
     * Creates the job and reserves its estimate in one transaction: not enough credits is
     * `payment_required:credits` with no job and no work; bad input is a 400 before anything is stored.
     */
    async create(request: EnqueueRequest & { retryOf?: string }): Promise<JobRecord> {
      const definition = definitionOf(request.tool);
      const input = definition.inputSchema.safeParse(request.input);
      if (!input.success) {
        throw new AppError(
          "bad_request:job_input",
          `Invalid input for ${request.tool}: ${input.error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`).join("; ")}`,
        );
      }
      const estimate = Math.max(0, Math.ceil(request.estimatedCredits));
      if (request.projectId) {
        const projectId = request.projectId;
        await withUser(db, request.userId, (tx) => getProject(tx, projectId));
      }
      return transition(async (tx, mails) => {
        const job = await insertJob(tx, {
          ownerId: request.userId,
          projectId: request.projectId ?? null,
          tool: request.tool,
          functionId: functionIdOf(request.tool),
          input: request.input ?? null,
          priority: request.priority ?? 0,
          creditsReserved: estimate,
          retryOf: request.retryOf ?? null,
        });
        const reserve = await reserveJobCredits(tx, {
          userId: request.userId,
          jobId: job.id,
          tool: request.tool,
          amount: estimate,
        });
        if (reserve)
          mails.push(await notifications.recordCreditsChange(tx, { userId: request.userId, ...reserve }));
        await publish(tx, request.userId, { type: "job-created", job: toJobSnapshot(job) });
        return job;
      });
    },

    /** The caller's job (RLS), or `not_found:job`. */
    async visible(userId: string, jobId: string): Promise<JobRecord> {
      const job = isId(jobId) ? await withUser(db, userId, (tx) => findJob(tx, jobId)) : undefined;
      if (!job) throw jobNotFound();
      return job;
    },

    /**
     * Cancels a job that has not finished: refunds its reservation and calls its cancel hook with the external
     * work it remembered. A worker running it stops at the next step boundary.
     */
    async cancel(userId: string, jobId: string): Promise<JobRecord> {
      const visible = await this.visible(userId, jobId);
      if (finalStatuses.has(visible.status)) {
        throw new AppError(
          "conflict:job_finished",
          `This job already ${visible.status === "succeeded" ? "finished" : visible.status}; there is nothing to cancel.`,
        );
      }
      const cancelled = await finish(jobId, (tx, job) => ({
        job: updateJob(tx, jobId, { ...finalPatch(), status: "cancelled", message: "Cancelled" }),
        alongside: [
          refundJobCredits(tx, {
            userId: job.ownerId,
            jobId,
            tool: job.tool,
            reserved: job.creditsReserved,
            reason: "cancelled",
          }),
          tx.execute(sql`SELECT pg_notify(${jobsCancelledChannel}, ${jobId})`),
        ],
      }));
      const job = cancelled ?? (await this.visible(userId, jobId));
      const hook = options.definitions.get(job.tool)?.onCancel;
      if (hook && job.status === "cancelled") {
        await hook({ jobId, userId: job.ownerId, external: job.external }).catch((error: unknown) => {
          options.logger.error({ err: error, jobId }, "cancel hook failed; external work may still run");
        });
      }
      return job;
    },
  };
}

export type JobLifecycle = ReturnType<typeof createJobLifecycle>;
