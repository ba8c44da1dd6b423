import { z } from "zod";
import { jobStatuses } from "../jobs/job-queue.ts";
import type { JobSnapshot } from "../jobs/job-service.ts";

/**
 * The zod form of `JobSnapshot` (which `jobs/` declares as a type only), for the job tools' output schema.
 * `satisfies` keeps the two in step: a change to `JobSnapshot` fails to compile here.
 * TODO(lead): move this into `jobs/` as the source of `JobSnapshot` (`z.infer`), so it is declared once.
 */
export const jobSnapshotSchema = z.object({
  jobId: z.string(),
  tool: z.string(),
  projectId: z.string().nullable(),
  status: z.enum(jobStatuses),
  progress: z.number().min(0).max(100),
  message: z.string().nullable(),
  etaSeconds: z.number().nullable(),
  attempts: z.number(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  output: z.unknown(),
  creditsReserved: z.number(),
  creditsCaptured: z.number(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
}) satisfies z.ZodType<JobSnapshot>;
