import { z } from "zod";
import type { JobService } from "../jobs/job-service.ts";
import { defineTool, type Tool } from "../tools/tool.ts";
import { jobSnapshotSchema } from "./job-snapshot-schema.ts";

const jobIdInput = z.uuid({ error: "jobId must be a job id (a UUID), as a long-running tool returned it" });

/**
 * Tools for MCP clients that do not follow progress: read a job, cancel a job. They are served beside the
 * registry only when a job service is running, and step aside if the registry gains tools of the same name.
 */
export function jobTools(jobs: JobService): Tool[] {
  const getJob = defineTool({
    name: "get-job",
    title: "Get a job",
    description:
      "Gets a long-running job started by another tool: status (queued, running, succeeded, failed, cancelled), progress 0-100 with a message, and its result or error when finished. Poll it every few seconds until it has finished.",
    inputSchema: z.object({ jobId: jobIdInput }),
    outputSchema: z.object({ job: jobSnapshotSchema }),
    cost: 0,
    annotations: { readOnly: true, destructive: false, longRunning: false, idempotent: true },
    examples: ["is my render done?", "how far is the job?"],
    async execute(context, input) {
      return { job: await jobs.get(context.user.id, input.jobId) };
    },
  });
  const cancelJob = defineTool({
    name: "cancel-job",
    title: "Cancel a job",
    description:
      "Cancels a queued or running job. Reserved credits are refunded; work already finished is kept. Cancelling a finished job changes nothing.",
    inputSchema: z.object({ jobId: jobIdInput }),
    outputSchema: z.object({ job: jobSnapshotSchema }),
    cost: 0,
    annotations: { readOnly: false, destructive: false, longRunning: false, idempotent: true },
    examples: ["stop the render", "cancel that job"],
    async execute(context, input) {
      return { job: await jobs.cancel(context.user.id, input.jobId) };
    },
  });
  return [getJob, cancelJob] as unknown as Tool[];
}
