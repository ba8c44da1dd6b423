import { type InngestFunction, NonRetriableError } from "inngest";
import { AppError } from "../lib/errors.ts";
import type { AnyJobDefinition, JobSteps } from "./define-job.ts";
import type { InngestClient } from "./inngest-client.ts";
import { toStepError } from "./job-errors.ts";
import { jobCancelledEvent, jobEventData, jobFunctionSlug, jobRequestedEvent } from "./job-events.ts";
import type { JobRuntime } from "./job-runtime.ts";

/** The id of the last step of every job function: records the output and settles the credits. */
export const finishStepId = "finish-job";

/** The SDK types retries as a literal 0–20. */
type RetryCount =
  | 0
  | 1
  | 2
  | 3
  | 4
  | 5
  | 6
  | 7
  | 8
  | 9
  | 10
  | 11
  | 12
  | 13
  | 14
  | 15
  | 16
  | 17
  | 18
  | 19
  | 20;

type InngestStep = {
  run(id: string, work: () => Promise<unknown>): Promise<unknown>;
  sleep(id: string, duration: number | string): Promise<unknown>;
};

/**
 * Turns a job definition into its Inngest function, bound to the machinery that records the job. The same
 * function is served at `/api/inngest` for Inngest and driven in process by the embedded executor.
 */
export function createJobFunction(
  client: InngestClient,
  definition: AnyJobDefinition,
  runtime: JobRuntime,
): InngestFunction.Any {
  return client.createFunction(
    {
      id: jobFunctionSlug(definition.tool),
      retries: (definition.retries ?? 2) as RetryCount,
      triggers: [{ event: jobRequestedEvent(definition.tool) }],
      cancelOn: [{ event: jobCancelledEvent, if: "async.data.jobId == event.data.jobId" }],
      onFailure: async ({ event, error }) => {
        const data = jobEventData.parse(event.data.event.data);
        await runtime.fail(data.jobId, error);
      },
    },
    async ({ event, step }) => {
      const data = jobEventData.parse(event.data);
      const parsed = definition.inputSchema.safeParse(data.input);
      if (!parsed.success) {
        const cause = new AppError(
          "bad_request:job_input",
          `Invalid input for ${definition.tool}: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`,
        );
        throw new NonRetriableError(cause.message, { cause });
      }
      const job = { jobId: data.jobId, userId: data.userId, projectId: data.projectId };
      const output: unknown = await definition.run({
        ...runtime.contextFor(definition, job),
        ...job,
        input: parsed.data,
        step: createJobSteps(step as unknown as InngestStep, runtime, data.jobId),
      });
      const actualCost = definition.actualCost;
      await step.run(finishStepId, async () => {
        await runtime.complete({
          jobId: data.jobId,
          output,
          ...(actualCost ? { actualCost: (reserved: number) => actualCost(output, reserved) } : {}),
        });
        return null;
      });
      return output;
    },
  ) as unknown as InngestFunction.Any;
}

/** Wraps the SDK's step tools: progress per step, permanent errors for client faults, remembered ids. */
function createJobSteps(step: InngestStep, runtime: JobRuntime, jobId: string): JobSteps {
  let reached = 0;
  return {
    async run<Result>(
      id: string,
      work: (progress: (fraction: number, message?: string) => Promise<void>) => Promise<Result>,
      options: { progress?: number; message?: string } = {},
    ): Promise<Result> {
      const from = reached;
      const to = Math.max(from, Math.min(99, options.progress ?? from));
      reached = to;
      return (await step.run(id, async () => {
        try {
          const result = await work((fraction, message) =>
            runtime.reportProgress(jobId, Math.floor(from + (to - from) * clamp(fraction)), message),
          );
          if (options.progress !== undefined) await runtime.reportProgress(jobId, to, options.message);
          return result === undefined ? null : result;
        } catch (error) {
          throw toStepError(error);
        }
      })) as Result;
    },
    async sleep(id, duration) {
      await step.sleep(id, duration);
    },
    remember: (key, value) => runtime.remember(jobId, key, value),
  };
}

function clamp(fraction: number): number {
  return Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
}
