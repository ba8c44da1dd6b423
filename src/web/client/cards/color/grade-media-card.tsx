import { Palette } from "lucide-react";
import type { z } from "zod";
import type { gradeMediaOutput } from "../../../../tools/color/grade-media/grade-media-input.ts";
import { useLiveJob } from "../../hooks/queries.ts";
import type { JobSnapshot } from "../../lib/types.ts";
import { JobRow } from "../../workspace/job-row.tsx";
import { CardFrame } from "../card-frame.tsx";
import { hasKeys, type ToolCardProps } from "../card-types.ts";
import { GenericToolCard } from "../generic-tool-card.tsx";
import { BeforeAfterSlider } from "./before-after-slider.tsx";
import { DownloadLinks } from "./download-links.tsx";
import { fileContentUrl } from "./file-url.ts";

type GradedOutput = z.infer<typeof gradeMediaOutput>;

function gradedOutput(output: unknown): GradedOutput | null {
  return hasKeys(output, "gradedFileId", "lutFileId", "version", "lookName", "mediaKind")
    ? (output as GradedOutput)
    : null;
}

/**
 * `grade-media`: the render's live progress, then the original against the graded result (a slider for
 * stills, the graded video for clips) with downloads of the file and its .cube.
 */
export function GradeMediaCard(props: ToolCardProps) {
  const jobId = hasKeys(props.output, "jobId") ? String(props.output.jobId) : null;
  const live = useLiveJob(props.projectId, jobId);
  if (!jobId) return <GenericToolCard {...props} />;
  const sourceId = hasKeys(props.input, "fileId") ? String(props.input.fileId) : null;
  const result = gradedOutput(live?.output);
  return (
    <CardFrame
      icon={<Palette size={15} />}
      title={result ? `Graded: ${result.lookName}` : "Grading"}
      testId="grade-media-card"
    >
      {live ? (
        <ul>
          <JobRow job={live as JobSnapshot} compact />
        </ul>
      ) : (
        <p className="text-xs text-stone-400">Waiting for the job to start…</p>
      )}
      {result ? <GradedResult result={result} sourceId={sourceId} /> : null}
    </CardFrame>
  );
}

function GradedResult(props: { result: GradedOutput; sourceId: string | null }) {
  const { result, sourceId } = props;
  return (
    <div className="mt-2">
      {result.mediaKind === "video" ? (
        // biome-ignore lint/a11y/useMediaCaption: a graded picture has no dialogue to caption
        <video
          src={fileContentUrl(result.gradedFileId)}
          controls
          preload="metadata"
          className="w-full rounded border border-stone-800 bg-black"
        />
      ) : sourceId ? (
        <BeforeAfterSlider
          beforeUrl={fileContentUrl(sourceId)}
          afterUrl={fileContentUrl(result.gradedFileId)}
          label={result.lookName}
        />
      ) : null}
      <DownloadLinks
        links={[
          { fileId: result.gradedFileId, label: "Graded file" },
          { fileId: result.lutFileId, label: ".cube LUT" },
        ]}
      />
      <p className="mt-1 text-xs text-stone-500">Saved as grade version {result.version}.</p>
    </div>
  );
}
