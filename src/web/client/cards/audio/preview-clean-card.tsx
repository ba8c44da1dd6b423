import { Headphones } from "lucide-react";
import { CardFrame } from "../card-frame.tsx";
import { hasKeys, type ToolCardProps } from "../card-types.ts";
import { GenericToolCard } from "../generic-tool-card.tsx";
import type { PreviewCleanResult } from "./audio-result-types.ts";
import { BeforeAfterPlayer } from "./before-after-player.tsx";
import { LoudnessReportTable } from "./loudness-report-table.tsx";
import { WaveformPairView } from "./waveform-pair.tsx";

/** `preview-clean`: A/B player of the first seconds, the waveforms and the loudness report. */
export function PreviewCleanCard(props: ToolCardProps) {
  if (!hasKeys(props.output, "previewFileId", "report", "waveforms")) return <GenericToolCard {...props} />;
  const result = props.output as PreviewCleanResult;
  return (
    <CardFrame
      icon={<Headphones size={15} />}
      title={`Clean preview (first ${Math.round(result.previewSeconds)} s)`}
      testId="preview-clean-card"
    >
      <div className="space-y-2">
        <BeforeAfterPlayer beforeFileId={result.sourceFileId} afterFileId={result.previewFileId} />
        <WaveformPairView waveforms={result.waveforms} durationSeconds={result.report.durationSeconds} />
        <LoudnessReportTable before={result.report.before} after={result.report.after} />
        {result.report.decisions.length > 0 ? (
          <p className="text-xs text-stone-400">{result.report.decisions.join(" · ")}</p>
        ) : null}
      </div>
    </CardFrame>
  );
}
