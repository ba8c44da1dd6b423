import { z } from "zod";
import { jobStatuses } from "../jobs/job-queue.ts";

/** What a long colour tool returns at once: the job to follow, and what was reserved for it. */
export const jobHandleView = z.object({
  jobId: z.string(),
  status: z.enum(jobStatuses),
  estimatedCredits: z.number(),
});
