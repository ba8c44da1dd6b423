import { AudioWaveform } from "lucide-react";
import { useLiveJob } from "../../hooks/queries.ts";
import { CardFrame } from "../card-frame.tsx";
import { hasKeys, type ToolCardProps } from "../card-types.ts";
import { JobCard } from "../job-card.tsx";
import type { CleanAudioOutput } from "./audio-result-types.ts";
import { BeforeAfterPlayer } from "./before-after-player.tsx";
import { LoudnessReportTable } from "./loudness-report-table.tsx";
import { WaveformPairView } from "./waveform-pair.tsx";

type Rejected = { fileId: string; name: string; error: { message: string } };

function isCleanOutput(value: unknown): value is CleanAudioOutput {
  return hasKeys(value, "files") && Array.isArray(value.files);
}

/**
 * `clean-audio`: the live job while it runs; once done, per file an A/B player, waveforms and the loudness
 * report, or the file's error. Files refused before the job started are listed too.
 */
export function CleanAudioCard(props: ToolCardProps) {
  const jobId = hasKeys(props.output, "jobId") ? String(props.output.jobId) : null;
  const rejected = hasKeys(props.output, "rejected") ? (props.output.rejected as Rejected[]) : [];
  const job = useLiveJob(props.projectId, jobId);
  const refused =
    rejected.length > 0 ? (
      <ul className="mb-2 text-xs text-red-300">
        {rejected.map((file) => (
          <li key={file.fileId}>Not cleaned: {file.error.message}</li>
        ))}
      </ul>
    ) : null;
  if (job?.status !== "succeeded" || !isCleanOutput(job.output)) {
    return (
      <>
        {refused}
        <JobCard {...props} />
      </>
    );
  }
  return (
    <CardFrame icon={<AudioWaveform size={15} />} title="Cleaned audio" testId="clean-audio-card">
      {refused}
      <div className="space-y-4">
        {job.output.files.map((file) =>
          file.ok ? (
            <article key={file.fileId} className="space-y-2">
              <h4 className="text-xs font-medium text-stone-200">{file.name}</h4>
              {file.cleanedKind === "video" ? (
                <video className="w-full rounded" controls src={`/api/files/${file.cleanedFileId}/content`}>
                  <track kind="captions" />
                </video>
              ) : null}
              <BeforeAfterPlayer beforeFileId={file.fileId} afterFileId={file.cleanedFileId} />
              <WaveformPairView waveforms={file.waveforms} durationSeconds={file.report.durationSeconds} />
              <LoudnessReportTable before={file.report.before} after={file.report.after} />
            </article>
          ) : (
            <p key={file.fileId} className="text-xs text-red-300">
              {file.name}: {file.error.message}
            </p>
          ),
        )}
      </div>
    </CardFrame>
  );
}
