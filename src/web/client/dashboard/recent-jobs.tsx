import { Activity } from "lucide-react";
import { EmptyState } from "../components/empty-state.tsx";
import { useJobs } from "../hooks/queries.ts";
import { JobRow } from "../workspace/job-row.tsx";

/** The latest jobs across projects, live from the event stream. */
export function RecentJobs() {
  const jobs = useJobs();
  return (
    <section
      aria-labelledby="recent-jobs-heading"
      className="rounded-xl border border-stone-800 bg-stone-900 p-4"
    >
      <h2
        id="recent-jobs-heading"
        className="mb-3 flex items-center gap-2 text-sm font-medium text-stone-400"
      >
        <Activity size={16} className="text-amber-400" aria-hidden /> Recent jobs
      </h2>
      {jobs.isPending ? (
        <p className="text-sm text-stone-400">Loading…</p>
      ) : jobs.isError || !jobs.data || jobs.data.length === 0 ? (
        <EmptyState title="No jobs yet">
          Long work (breakdowns, grading, mattes) shows its progress here.
        </EmptyState>
      ) : (
        <ul className="flex flex-col gap-3">
          {jobs.data.slice(0, 6).map((job) => (
            <JobRow key={job.jobId} job={job} compact />
          ))}
        </ul>
      )}
    </section>
  );
}
