import { Palette } from "lucide-react";
import type { z } from "zod";
import type { previewGradeTool } from "../../../../tools/color/preview-grade.ts";
import { CardFrame } from "../card-frame.tsx";
import { hasKeys, type ToolCardProps } from "../card-types.ts";
import { GenericToolCard } from "../generic-tool-card.tsx";
import { BeforeAfterSlider } from "./before-after-slider.tsx";
import { DownloadLinks } from "./download-links.tsx";
import { fileContentUrl } from "./file-url.ts";
import { LiveGradePreview } from "./live-grade-preview.tsx";
import { liveGradeFrom } from "./live-grade-settings.ts";

type PreviewOutput = z.infer<typeof previewGradeTool.outputSchema>;

/** `preview-grade`: the frame before and after under a slider, the scopes, and downloads. */
export function PreviewGradeCard(props: ToolCardProps) {
  if (!hasKeys(props.output, "files", "lookName")) return <GenericToolCard {...props} />;
  const output = props.output as PreviewOutput;
  const live = liveGradeFrom(props.output, props.input);
  const at = output.atSeconds === null ? "" : ` at ${output.atSeconds.toFixed(1)} s`;
  return (
    <CardFrame
      icon={<Palette size={15} />}
      title={`Preview: ${output.lookName}${at}`}
      testId="preview-grade-card"
    >
      <BeforeAfterSlider
        beforeUrl={fileContentUrl(output.files.before)}
        afterUrl={fileContentUrl(output.files.after)}
        label={output.lookName}
      />
      {output.scopes ? (
        <div className="mt-2 grid grid-cols-3 gap-1" data-testid="grade-scopes">
          {(["waveform", "vectorscope", "histogram"] as const).map((scope) => (
            <figure key={scope} className="space-y-1">
              <img
                src={fileContentUrl(output.scopes!.before[scope])}
                alt={`${scope} before`}
                className="w-full"
              />
              <img
                src={fileContentUrl(output.scopes!.after[scope])}
                alt={`${scope} after`}
                className="w-full"
              />
              <figcaption className="text-center text-xs text-stone-400">{scope} (before / after)</figcaption>
            </figure>
          ))}
        </div>
      ) : null}
      <details className="mt-2" data-testid="live-grade">
        <summary className="cursor-pointer text-xs text-amber-300">Adjust live</summary>
        <LiveGradePreview imageUrl={fileContentUrl(output.files.before)} grade={live} />
        <p className="mt-1 text-xs text-stone-500">
          Tell the assistant the values you like (for example “exposure 0.3, warmth 20”) to preview or render
          them.
        </p>
      </details>
      <DownloadLinks
        links={[
          { fileId: output.files.split, label: "Split PNG" },
          { fileId: output.files.sideBySide, label: "Side by side PNG" },
          { fileId: output.files.after, label: "Graded frame" },
        ]}
      />
      <p className="mt-2 text-xs text-stone-500">Free preview. Ask to render it to grade the whole file.</p>
    </CardFrame>
  );
}
