import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, CircleSlash, Loader2, RotateCcw, XCircle } from "lucide-react";
import { Button } from "../components/button.tsx";
import { ProgressBar } from "../components/progress-bar.tsx";
import { formatEta, toolLabel } from "../lib/format.ts";
import type { JobSnapshot } from "../lib/types.ts";
import { changeJob } from "./job-actions.ts";

const statusText: Record<JobSnapshot["status"], string> = {
  queued: "Waiting to start",
  running: "Running",
  succeeded: "Done",
  failed: "Failed",
  cancelled: "Cancelled",
};

function errorText(error: JobSnapshot["error"]): string | null {
  return error ? error.message : null;
}

/** One job: its tool, status, live progress with ETA, and cancel or retry. */
export function JobRow(props: { job: JobSnapshot; compact?: boolean }) {
  const queryClient = useQueryClient();
  const { job } = props;
  const action = useMutation({
    mutationFn: (kind: "cancel" | "retry") => changeJob({ queryClient, job, action: kind }),
  });
  const active = job.status === "queued" || job.status === "running";
  const eta = active ? formatEta(job.etaSeconds) : null;
  const Icon =
    job.status === "succeeded"
      ? CheckCircle2
      : job.status === "failed"
        ? XCircle
        : job.status === "cancelled"
          ? CircleSlash
          : Loader2;
  const iconTone =
    job.status === "succeeded"
      ? "text-emerald-400"
      : job.status === "failed"
        ? "text-red-400"
        : job.status === "cancelled"
          ? "text-stone-500"
          : "animate-spin text-amber-400";
  const failure = errorText(job.error);

  return (
    <li
      className="flex flex-col gap-1.5"
      data-testid="job-row"
      data-job-id={job.jobId}
      data-status={job.status}
    >
      <div className="flex items-center gap-2 text-sm">
        <Icon size={15} className={`shrink-0 ${iconTone}`} aria-hidden />
        <span className="min-w-0 flex-1 truncate font-medium">{toolLabel(job.tool)}</span>
        <span className="shrink-0 text-xs text-stone-400">{statusText[job.status]}</span>
      </div>
      {active ? <ProgressBar value={job.progress / 100} label={`${toolLabel(job.tool)} progress`} /> : null}
      {!props.compact || active ? (
        <p className="text-xs text-stone-400">
          {[job.message, active ? `${Math.round(job.progress)}%` : null, eta].filter(Boolean).join(" · ")}
        </p>
      ) : null}
      {failure ? <p className="text-xs text-red-300">{failure}</p> : null}
      {action.isError ? (
        <p className="text-xs text-red-300" role="alert">
          {action.error.message}
        </p>
      ) : null}
      {!props.compact && (active || job.status === "failed" || job.status === "cancelled") ? (
        <div className="flex gap-2">
          {active ? (
            <Button size="sm" onClick={() => action.mutate("cancel")} disabled={action.isPending}>
              <CircleSlash size={14} aria-hidden /> Cancel
            </Button>
          ) : (
            <Button size="sm" onClick={() => action.mutate("retry")} disabled={action.isPending}>
              <RotateCcw size={14} aria-hidden /> Retry
            </Button>
          )}
        </div>
      ) : null}
    </li>
  );
}
