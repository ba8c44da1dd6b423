import { z } from "zod";

/** The event that starts a tool's job function: `job/<tool>.requested`. */
export function jobRequestedEvent(tool: string): string {
  return `job/${tool}.requested`;
}

/** Sent when a user cancels a job; Inngest cancels the run (`cancelOn`), the embedded executor stops. */
export const jobCancelledEvent = "job/cancelled";

/** The data of a `job/<tool>.requested` event. */
export const jobEventData = z.object({
  jobId: z.uuid(),
  userId: z.string().min(1),
  projectId: z.uuid().nullable(),
  input: z.unknown(),
});

export type JobEventData = z.infer<typeof jobEventData>;

/** The Inngest function id of a tool's job (before the SDK prefixes the app id). */
export function jobFunctionSlug(tool: string): string {
  return `job-${tool}`;
}
