import type { Database } from "../../db/client.ts";
import { extendLease, listSteps, updateLeasedJob } from "../../db/queries/jobs.ts";
import { withSystem } from "../../db/rls.ts";
import type { JobRecord } from "../../db/schema/jobs.ts";
import type { Logger } from "../../lib/logger.ts";
import { jobRequestedEvent } from "../job-events.ts";
import { finishStepId } from "../job-function.ts";
import type { JobLifecycle } from "../job-lifecycle.ts";
import { backOffMs, sleepUntil } from "./back-off.ts";
import { type CheckpointAnswer, type CheckpointedStep, registerCheckpoints } from "./checkpoints.ts";
import type { ProtocolOperation, ProtocolResponse, ServeProtocol, StepState } from "./serve-protocol.ts";
import { storeStep } from "./store-step.ts";

export type DriveOptions = {
  db: Database;
  protocol: ServeProtocol;
  lifecycle: JobLifecycle;
  logger: Logger;
  leaseSeconds: number;
  retryBaseMs: number;
  /** Asked before each step: false when the executor is stopping (the job is left for the next worker). */
  keepGoing: () => boolean;
  /** Asked before each step: true once this job was cancelled (heard over LISTEN from any process). */
  cancelled: () => boolean;
};

/** The lease moved to another worker (ours expired): this worker must write nothing more. */
class LeaseLost extends Error {}

type Outcome = "continue" | "released" | "finished";

/**
 * Runs one claimed job through the serve protocol until it finishes, waits (back-off, sleep) or is
 * cancelled. Each finished step is stored, fenced by the lease token, before the next step starts (as a
 * checkpoint inside the request, or from the SDK's answer before the next request), so a crash repeats at most
 * the step that was running; the lease is extended while the job runs.
 */
export async function driveJob(options: DriveOptions, claimed: JobRecord, resumed = true): Promise<void> {
  const { db, protocol, lifecycle } = options;
  const token = claimed.leaseToken;
  if (!token) return;
  const logger = options.logger.child({ jobId: claimed.id, tool: claimed.tool });
  const definition = lifecycle.definitionOf(claimed.tool);
  const maxAttempts = (definition.retries ?? 2) + 1;
  const steps: Record<string, StepState> = {};
  const stack: string[] = [];
  const stored = resumed ? await withSystem(db, (tx) => listSteps(tx, claimed.id)) : [];
  for (const step of stored) {
    steps[step.stepId] =
      step.kind === "data" ? { type: "data", data: step.data } : { type: "error", error: step.error };
    stack.push(step.stepId);
  }
  let stepAttempt = claimed.stepAttempt;
  /** The most attempts any step of this job needed so far (what the user sees as `attempts`). */
  let attempts = Math.max(claimed.attempts, 1);
  let leaseLost = false;
  const heartbeat = setInterval(
    () => {
      withSystem(db, (tx) =>
        extendLease(tx, { jobId: claimed.id, token, leaseSeconds: options.leaseSeconds }),
      )
        .then((held) => {
          if (!held) leaseLost = true;
        })
        .catch((error: unknown) => logger.warn({ err: error }, "could not extend the job lease"));
    },
    Math.max(200, (options.leaseSeconds * 1000) / 3),
  );
  heartbeat.unref();

  const event = {
    name: jobRequestedEvent(claimed.tool),
    id: claimed.id,
    ts: claimed.createdAt.getTime(),
    data: { jobId: claimed.id, userId: claimed.ownerId, projectId: claimed.projectId, input: claimed.input },
  };
  const call = (stepId?: string) =>
    protocol({
      functionId: claimed.functionId,
      ...(stepId ? { stepId } : {}),
      event,
      runId: claimed.id,
      attempt: stepAttempt,
      maxAttempts,
      steps,
      stack,
      checkpoint: true,
    });

  const release = async (patch: { runAt: Date; stepAttempt: number }) => {
    await withSystem(db, (tx) =>
      updateLeasedJob(tx, claimed.id, token, {
        ...patch,
        attempts: Math.max(attempts, patch.stepAttempt),
        leaseOwner: null,
        leaseToken: null,
        leaseExpiresAt: null,
      }),
    );
  };

  const remember = async (operation: ProtocolOperation, state: StepState) => {
    const held = await storeStep(db, {
      jobId: claimed.id,
      ownerId: claimed.ownerId,
      token,
      stepId: operation.id,
      name: operation.displayName ?? operation.name ?? null,
      position: stack.length,
      kind: state.type,
      data: state.type === "data" ? (state.data ?? null) : null,
      error: state.type === "error" ? state.error : null,
    });
    if (!held) throw new LeaseLost();
    steps[operation.id] = state;
    stack.push(operation.id);
    stepAttempt = 0;
  };

  /** Why the SDK was told to stop in the middle of a checkpointed request, if it was. */
  let halted: "lease-lost" | "cancelled" | "stopping" | undefined;
  /** The finish step ran (it settled the job in its own transaction): nothing is left to store. */
  let finishStepRan = false;

  /**
   * A step the SDK finished inside one request: stored before the SDK may start the next, exactly as a
   * `StepRun` answer would be. Cancellation and shutdown are honoured here, at the step boundary.
   */
  const checkpoint = async (checkpointed: CheckpointedStep[]): Promise<CheckpointAnswer> => {
    for (const step of checkpointed) {
      if (step.displayName === finishStepId) {
        finishStepRan = true;
        continue;
      }
      if (step.op !== "StepRun") continue;
      try {
        await remember(step, { type: "data", data: step.data ?? null });
      } catch (error) {
        if (!(error instanceof LeaseLost)) throw error;
        halted = "lease-lost";
        return "stop";
      }
    }
    if (finishStepRan) return "stored";
    if (leaseLost) halted = "lease-lost";
    else if (options.cancelled()) halted = "cancelled";
    else if (!options.keepGoing()) halted = "stopping";
    return halted ? "stop" : "stored";
  };

  const retryOrFail = async (error: unknown, retriable: boolean): Promise<Outcome> => {
    const next = stepAttempt + 1;
    if (!retriable || next >= maxAttempts) {
      attempts = Math.max(attempts, next);
      await withSystem(db, (tx) => updateLeasedJob(tx, claimed.id, token, { attempts }));
      logger.info({ error }, "job failed");
      await lifecycle.runtime.fail(claimed.id, error);
      return "finished";
    }
    const delay = backOffMs(next, options.retryBaseMs);
    logger.warn({ attempt: next, delayMs: delay }, "job step failed; retrying after back-off");
    await release({ runAt: new Date(Date.now() + delay), stepAttempt: next });
    return "released";
  };

  const handleOperation = async (operation: ProtocolOperation, noRetry: boolean): Promise<Outcome> => {
    switch (operation.op) {
      case "RunComplete":
        if (!finishStepRan) await lifecycle.runtime.complete({ jobId: claimed.id, output: operation.data });
        return "finished";
      case "StepRun":
        // The finish step settled the job in its own transaction; nothing is left to replay.
        if (operation.displayName === finishStepId) return "finished";
        await remember(operation, { type: "data", data: operation.data ?? null });
        return "continue";
      case "StepFailed":
        attempts = Math.max(attempts, stepAttempt + 1);
        await withSystem(db, (tx) => updateLeasedJob(tx, claimed.id, token, { attempts }));
        await remember(operation, { type: "error", error: operation.error ?? operation.data });
        return "continue";
      case "StepError":
        return retryOrFail(operation.error, !noRetry);
      case "Sleep": {
        await remember(operation, { type: "data", data: null });
        await release({ runAt: sleepUntil(operation.name), stepAttempt: 0 });
        return "released";
      }
      case "StepPlanned": {
        if (steps[operation.id]) return "continue";
        const answer = await call(operation.id);
        return handleResponse(answer);
      }
      default:
        await lifecycle.runtime.fail(claimed.id, {
          name: "NonRetriableError",
          message: `The embedded executor cannot run "${operation.op}" steps; configure Inngest for this job`,
        });
        return "finished";
    }
  };

  const handleResponse = async (response: ProtocolResponse): Promise<Outcome> => {
    if (halted === "lease-lost") throw new LeaseLost();
    if (halted === "cancelled") return "finished";
    if (halted === "stopping") {
      await release({ runAt: new Date(), stepAttempt });
      return "released";
    }
    if (response.kind === "completed") {
      await lifecycle.runtime.complete({ jobId: claimed.id, output: response.output });
      return "finished";
    }
    if (response.kind === "rejected") return retryOrFail(response.error, !response.noRetry);
    for (const operation of response.operations) {
      const outcome = await handleOperation(operation, response.noRetry);
      if (outcome !== "continue") return outcome;
    }
    return "continue";
  };

  const unregister = registerCheckpoints(claimed.id, checkpoint);
  try {
    // Cancellation is seen at each step boundary: storing a step fails once the job has lost its lease.
    for (;;) {
      if (leaseLost || options.cancelled()) return;
      if (!options.keepGoing()) {
        await release({ runAt: new Date(), stepAttempt });
        return;
      }
      const outcome = await handleResponse(await call());
      if (outcome !== "continue") return;
    }
  } catch (error) {
    if (error instanceof LeaseLost) {
      logger.warn("job lease was lost; another worker continues this job");
      return;
    }
    throw error;
  } finally {
    unregister();
    clearInterval(heartbeat);
  }
}
