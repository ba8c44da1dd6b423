import { Activity } from "lucide-react";
import { EmptyState } from "../components/empty-state.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { useJobs } from "../hooks/queries.ts";
import { JobRow } from "./job-row.tsx";

/** The project's jobs, newest first, updated live from the event stream. */
export function JobsPanel(props: { projectId: string }) {
  const jobs = useJobs(props.projectId);
  if (jobs.isPending) return <p className="text-sm text-stone-400">Loading jobs…</p>;
  if (jobs.isError) return <ErrorMessage>{jobs.error.message}</ErrorMessage>;
  if (!jobs.data || jobs.data.length === 0) {
    return (
      <EmptyState icon={<Activity aria-hidden />} title="No jobs yet">
        Ask for long work in the chat (a breakdown, a grade, a matte) and follow it here with progress and
        ETA.
      </EmptyState>
    );
  }
  return (
    <ul className="flex flex-col gap-4" aria-label="Jobs">
      {jobs.data.map((job) => (
        <JobRow key={job.jobId} job={job} />
      ))}
    </ul>
  );
}
