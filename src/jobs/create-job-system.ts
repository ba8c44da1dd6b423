import type { RequestHandler } from "express";
import type { InngestFunction } from "inngest";
import { serve } from "inngest/express";
import type { Config } from "../config/env.ts";
import type { DatabaseHandle } from "../db/client.ts";
import type { Logger } from "../lib/logger.ts";
import type { Mailer } from "../mail/mailer.ts";
import {
  createNotificationService,
  type NotificationService,
} from "../notifications/notification-service.ts";
import type { NotificationEvent } from "../notifications/notification-types.ts";
import { createUserEventBus } from "../notifications/user-event-bus.ts";
import type { BlobStorage } from "../storage/blob-storage.ts";
import { createJobService } from "./create-job-service.ts";
import type { AnyJobDefinition, JobServices } from "./define-job.ts";
import { createEmbeddedExecutor, jobsReadyChannel } from "./embedded/executor.ts";
import { runScheduledFunction } from "./embedded/run-scheduled.ts";
import { createServeProtocol } from "./embedded/serve-protocol.ts";
import { configureInngest, type InngestClient, inngest } from "./inngest-client.ts";
import { jobCancelledEvent, jobRequestedEvent } from "./job-events.ts";
import { createJobFunction } from "./job-function.ts";
import { createJobLifecycle } from "./job-lifecycle.ts";
import type { JobEvent, JobService } from "./job-service.ts";
import { shrinkJobEvent } from "./job-snapshot.ts";
import { createRetentionFunction, deleteExpiredJobs } from "./retention.ts";

/** Every live event a user's stream carries. */
export type LiveEvent = JobEvent | NotificationEvent;

export type JobSystemOptions = {
  config: Config;
  database: DatabaseHandle;
  storage: BlobStorage;
  mailer: Mailer;
  logger: Logger;
  /** The durable jobs of the long tools (`jobDefinitions` of the tool registry). */
  definitions: readonly AnyJobDefinition[];
  services?: JobServices;
  client?: InngestClient;
  /** How often the embedded executor runs the retention function (default every 6 hours). */
  retentionIntervalMs?: number;
  /** How long an idle embedded worker waits before polling again (default 1 s). */
  pollMs?: number;
};

/**
 * Builds the durable-job machinery: the job service, notifications, the Inngest functions of every job, and
 * the engine that runs them: Inngest when configured (functions served by `inngestHandler` at
 * `/api/inngest`), otherwise the embedded executor started by `start()`.
 */
export function createJobSystem(options: JobSystemOptions) {
  const { config, database, logger } = options;
  const client = options.client ?? inngest;
  configureInngest(client, config, logger);
  const bus = createUserEventBus<LiveEvent>(database, logger, (event) =>
    event.type === "notification-created" ? event : shrinkJobEvent(event),
  );
  const notifications: NotificationService = createNotificationService({
    db: database.db,
    bus,
    mailer: options.mailer,
    logger,
    publicUrl: config.publicUrl,
    groupMinutes: config.NOTIFICATION_GROUP_MINUTES,
    creditsLowThreshold: config.CREDITS_LOW_THRESHOLD,
  });
  const lifecycle = createJobLifecycle({
    db: database.db,
    publish: (tx, userId, event) => bus.publish(tx, userId, event),
    notifications,
    storage: options.storage,
    logger,
    services: options.services ?? {},
    definitions: new Map(options.definitions.map((definition) => [definition.tool, definition])),
    appId: client.id,
  });
  const retentionOptions = {
    db: database.db,
    storage: options.storage,
    days: config.JOB_RETENTION_DAYS,
    logger,
  };
  const retention = createRetentionFunction(client, retentionOptions);
  const functions: InngestFunction.Any[] = [
    ...options.definitions.map((definition) => createJobFunction(client, definition, lifecycle.runtime)),
    retention,
  ];
  const embedded = config.jobEngine === "embedded";
  const protocol = embedded ? createServeProtocol(client, functions) : undefined;
  const executor = protocol
    ? createEmbeddedExecutor({
        database,
        protocol,
        lifecycle,
        logger,
        concurrency: config.JOB_CONCURRENCY,
        userConcurrency: config.JOB_USER_CONCURRENCY,
        leaseSeconds: config.JOB_LEASE_SECONDS,
        retryBaseMs: config.JOB_RETRY_BASE_SECONDS * 1000,
        ...(options.pollMs ? { pollMs: options.pollMs } : {}),
      })
    : undefined;

  const jobs: JobService = createJobService({
    db: database.db,
    lifecycle,
    events: bus,
    dispatcher: executor
      ? {
          async dispatch() {
            executor.wake();
            await database.notify(jobsReadyChannel, "");
          },
          async cancelled() {},
        }
      : {
          async dispatch(job) {
            await client.send({
              id: job.id,
              name: jobRequestedEvent(job.tool),
              data: { jobId: job.id, userId: job.ownerId, projectId: job.projectId, input: job.input },
            });
          },
          async cancelled(job) {
            await client.send({ name: jobCancelledEvent, data: { jobId: job.id } });
          },
        },
  });

  let retentionTimer: NodeJS.Timeout | undefined;
  const runRetention = async () => {
    try {
      if (protocol) await runScheduledFunction(protocol, retention.id(client.id));
      else await deleteExpiredJobs({ ...retentionOptions, now: new Date() });
    } catch (error) {
      logger.error({ err: error }, "job retention failed; it runs again at the next interval");
    }
  };

  return {
    jobs,
    notifications,
    /** Every job function and the retention function, as Inngest sees them. */
    functions,
    engine: config.jobEngine,
    /** What job functions call (progress, completion, failure); exposed for tests and tools' own checks. */
    runtime: lifecycle.runtime,
    /** The `/api/inngest` handler (Inngest engine only; needs `express.json()` before it). */
    inngestHandler: (embedded ? undefined : serve({ client, functions })) as RequestHandler | undefined,
    /** Live events (jobs and notifications) of one user, for the SSE stream. */
    subscribe: (userId: string, listener: (event: LiveEvent) => void) => bus.subscribe(userId, listener),
    /** Runs retention now (also scheduled: Inngest cron, or the embedded executor's interval). */
    runRetention,
    async start(): Promise<void> {
      if (!executor) return;
      await executor.start();
      const interval = options.retentionIntervalMs ?? 6 * 3_600_000;
      retentionTimer = setInterval(() => void runRetention(), interval);
      retentionTimer.unref();
    },
    async close(): Promise<void> {
      if (retentionTimer) clearInterval(retentionTimer);
      await executor?.stop();
      await bus.close();
    },
  };
}

export type JobSystem = ReturnType<typeof createJobSystem>;
