import { AudioLines } from "lucide-react";
import { CardFrame } from "../card-frame.tsx";
import { hasKeys, type ToolCardProps } from "../card-types.ts";
import { GenericToolCard } from "../generic-tool-card.tsx";
import type { AudioAnalysisResult } from "./audio-result-types.ts";
import { LoudnessReportTable } from "./loudness-report-table.tsx";

function decibels(value: number | null): string {
  return value === null ? "—" : `${value.toFixed(0)} dB`;
}

/** `analyze-audio`: the measured levels, hum, clipping and echo, and the suggestions. */
export function AnalyzeAudioCard(props: ToolCardProps) {
  if (!hasKeys(props.output, "levels", "suggestions", "file")) return <GenericToolCard {...props} />;
  const result = props.output as AudioAnalysisResult;
  return (
    <CardFrame
      icon={<AudioLines size={15} />}
      title={`Sound check: ${result.file.name}`}
      testId="analyze-audio-card"
    >
      <LoudnessReportTable before={result.levels} />
      <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
        <dt className="text-stone-400">Estimated SNR</dt>
        <dd>{decibels(result.estimatedSnrDb)}</dd>
        <dt className="text-stone-400">Hum</dt>
        <dd>{result.hum ? `${result.hum.mains} Hz, ${result.hum.harmonics} lines` : "none"}</dd>
        <dt className="text-stone-400">Clipping</dt>
        <dd>{result.clipping.clippedSamples > 0 ? `${result.clipping.clippedSamples} samples` : "none"}</dd>
        <dt className="text-stone-400">Echo (T60)</dt>
        <dd>{result.reverbTimeSeconds === null ? "—" : `${result.reverbTimeSeconds.toFixed(1)} s`}</dd>
      </dl>
      {result.suggestions.length > 0 ? (
        <ul className="mt-2 list-disc space-y-0.5 pl-5 text-xs text-stone-200">
          {result.suggestions.map((advice) => (
            <li key={advice}>{advice}</li>
          ))}
        </ul>
      ) : null}
    </CardFrame>
  );
}
