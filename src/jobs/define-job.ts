import type { z } from "zod";
import type { UserScope } from "../db/rls.ts";
import type { Logger } from "../lib/logger.ts";
import type { BlobStorage } from "../storage/blob-storage.ts";

/** Reports progress within a running step, from the step's start percentage to its end percentage. */
export type StepProgress = (fraction: number, message?: string) => Promise<void>;

/** Where a step ends on the job's 0–100 progress bar, and what to tell the user about it. */
export type StepOptions = { progress?: number; message?: string };

/**
 * The durable steps a job function uses. Each `run` is one step: it returns JSON data, holds at most one
 * side effect, and once finished is never run again for this job (a retry or a resume replays its result).
 */
export type JobSteps = {
  run<Result>(
    id: string,
    work: (progress: StepProgress) => Promise<Result>,
    options?: StepOptions,
  ): Promise<Result>;
  /** Waits without holding a worker (durable: survives restarts). */
  sleep(id: string, duration: number | string): Promise<void>;
  /**
   * Records an id of external work started by the current step (a Replicate prediction), so cancelling the
   * job can cancel it too. Call it inside the step that started the work.
   */
  remember(key: string, value: string): Promise<void>;
};

/** What a job function gets: its input, identity, steps, and the services it may use. */
export type JobRunContext<Input> = {
  jobId: string;
  userId: string;
  projectId: string | null;
  input: Input;
  step: JobSteps;
  /** The database as the job's user (RLS-scoped), as tools get it. */
  transaction: UserScope;
  storage: BlobStorage;
  /** A storage prefix for this job's temporary files; retention deletes it with the job. */
  scratchPrefix: string;
  logger: Logger;
  services: JobServices;
};

/** Late-bound services (models, engines) for job functions; filled by the composition root. */
export interface JobServices {
  [name: string]: unknown;
}

/** What a cancel hook gets: the job and the external ids its steps remembered. */
export type CancelContext = { jobId: string; userId: string; external: Record<string, string> };

/**
 * A tool's durable job, declared once (in `tools/<name>/job.ts`). `createJobFunction` turns it into the
 * Inngest function that both engines run.
 */
export type JobDefinition<InputSchema extends z.ZodType = z.ZodType, Output = unknown> = {
  /** The tool this job belongs to (kebab-case, as in the registry). */
  tool: string;
  /** What the job makes, as people say it ("Script breakdown"): notifications and mail name the job by it. */
  label: string;
  inputSchema: InputSchema;
  /** Retries after the first attempt for a transient failure (default 2: at most 3 attempts). */
  retries?: number;
  /** The credits actually used, at most the reservation (default: the whole reservation). */
  actualCost?: (output: Output, reserved: number) => number;
  /** Stops external work the job started (called once when the job is cancelled). */
  onCancel?: (context: CancelContext) => Promise<void>;
  run(context: JobRunContext<z.infer<InputSchema>>): Promise<Output>;
};

/** Any job definition, for registries. */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds definitions of every input and output type
export type AnyJobDefinition = JobDefinition<z.ZodType, any>;

/** Declares a tool's job with its input type inferred from the schema. */
export function defineJob<InputSchema extends z.ZodType, Output>(
  definition: JobDefinition<InputSchema, Output>,
): JobDefinition<InputSchema, Output> {
  return definition;
}

/** The storage prefix of a job's temporary files. */
export function jobScratchPrefix(job: { ownerId: string; jobId: string }): string {
  return `tmp/jobs/${job.ownerId}/${job.jobId}`;
}
