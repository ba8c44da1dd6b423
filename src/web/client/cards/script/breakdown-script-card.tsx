import { ClipboardList } from "lucide-react";
import type { BreakdownScriptOutput } from "../../../../tools/script/breakdown-script/breakdown-script-input.ts";
import { useLiveJob } from "../../hooks/queries.ts";
import type { JobSnapshot } from "../../lib/types.ts";
import { JobRow } from "../../workspace/job-row.tsx";
import { CardFrame } from "../card-frame.tsx";
import { hasKeys, type ToolCardProps } from "../card-types.ts";
import { DownloadLinks } from "../color/download-links.tsx";
import { GenericToolCard } from "../generic-tool-card.tsx";
import { ScenesTable } from "./scenes-table.tsx";

const downloads: Array<{ key: keyof BreakdownScriptOutput["files"]; label: string }> = [
  { key: "sheetsPdf", label: "Breakdown sheets (PDF)" },
  { key: "sheets", label: "Breakdown sheets (HTML)" },
  { key: "csv", label: "Elements (CSV)" },
  { key: "oneLiner", label: "One-liner" },
  { key: "castList", label: "Cast list (CSV)" },
  { key: "dayOutOfDays", label: "Day out of days (CSV)" },
  { key: "fdx", label: "Tagged Final Draft" },
  { key: "json", label: "Breakdown JSON" },
];

function finished(output: unknown): BreakdownScriptOutput | null {
  return hasKeys(output, "breakdownId", "counts", "files") ? (output as BreakdownScriptOutput) : null;
}

/** `breakdown-script`: the job's live progress, then the counts, every report to download and the scenes with their elements. */
export function BreakdownScriptCard(props: ToolCardProps) {
  const jobId = hasKeys(props.output, "jobId") ? String(props.output.jobId) : null;
  const live = useLiveJob(props.projectId, jobId);
  if (!jobId) return <GenericToolCard {...props} />;
  const result = finished(live?.output);
  return (
    <CardFrame
      icon={<ClipboardList size={15} />}
      title={result ? `Script breakdown, revision ${result.revision}` : "Breaking down the script"}
      testId="breakdown-script-card"
    >
      {live ? (
        <ul>
          <JobRow job={live as JobSnapshot} compact />
        </ul>
      ) : (
        <p className="text-xs text-stone-400">Waiting for the job to start…</p>
      )}
      {result ? (
        <div className="mt-2">
          <p className="text-xs text-stone-300">
            {result.counts.scenes} scenes · {result.counts.pages} pages · {result.counts.characters}{" "}
            characters · {result.counts.locations} locations · {result.counts.elements} elements
            {result.reused ? " (unchanged script: the earlier breakdown was kept)" : ""}
          </p>
          {result.unappliedCorrections > 0 ? (
            <p className="text-xs text-amber-400">
              {result.unappliedCorrections} of your corrections no longer fit the script; check them with
              get-scene.
            </p>
          ) : null}
          <DownloadLinks
            links={downloads.flatMap(({ key, label }) => {
              const fileId = result.files[key];
              return fileId ? [{ fileId, label }] : [];
            })}
          />
          {Array.isArray(result.scenes) && result.scenes.length > 0 ? (
            <div className="mt-2">
              <ScenesTable scenes={result.scenes} />
            </div>
          ) : null}
          <p className="mt-1 text-xs text-stone-500">
            Ask "list the night scenes" or "which scenes need the goat?".
          </p>
        </div>
      ) : null}
    </CardFrame>
  );
}
