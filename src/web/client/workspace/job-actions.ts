import type { QueryClient } from "@tanstack/react-query";
import { keys } from "../hooks/queries.ts";
import { api } from "../lib/api.ts";
import type { JobSnapshot } from "../lib/types.ts";

/** Cancels or retries a job, then refreshes the job lists (the event stream also updates them live). */
export async function changeJob(input: {
  queryClient: QueryClient;
  job: JobSnapshot;
  action: "cancel" | "retry";
}) {
  await api(`/api/jobs/${input.job.jobId}/${input.action}`, { method: "POST" });
  await input.queryClient.invalidateQueries({ queryKey: keys.jobs() });
  if (input.job.projectId)
    await input.queryClient.invalidateQueries({ queryKey: keys.jobs(input.job.projectId) });
}
