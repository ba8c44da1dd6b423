import { Activity } from "lucide-react";
import { useJobs } from "../hooks/queries.ts";
import { toolLabel } from "../lib/format.ts";
import type { JobSnapshot } from "../lib/types.ts";
import { JobRow } from "../workspace/job-row.tsx";
import { CardFrame } from "./card-frame.tsx";
import { hasKeys, type ToolCardProps } from "./card-types.ts";
import { GenericToolCard } from "./generic-tool-card.tsx";

function jobOf(output: unknown): Partial<JobSnapshot> | null {
  if (hasKeys(output, "job") && typeof output.job === "object" && output.job !== null)
    return output.job as JobSnapshot;
  if (hasKeys(output, "jobId")) return output as Partial<JobSnapshot>;
  return null;
}

/** A long tool's answer (a started job): live progress, ETA and cancel, from the event stream. */
export function JobCard(props: ToolCardProps) {
  const started = jobOf(props.output);
  const jobs = useJobs(props.projectId);
  if (!started?.jobId) return <GenericToolCard {...props} />;
  const live = jobs.data?.find((job) => job.jobId === started.jobId);
  const job: JobSnapshot = {
    tool: props.toolName,
    projectId: props.projectId ?? null,
    status: "queued",
    progress: 0,
    message: null,
    etaSeconds: null,
    attempts: 0,
    error: null,
    output: null,
    creditsReserved: 0,
    creditsCaptured: 0,
    createdAt: new Date().toISOString(),
    startedAt: null,
    finishedAt: null,
    ...started,
    ...live,
    jobId: started.jobId,
  };
  return (
    <CardFrame icon={<Activity size={15} />} title={`${toolLabel(props.toolName)} job`} testId="job-card">
      <ul>
        <JobRow job={job} />
      </ul>
    </CardFrame>
  );
}
