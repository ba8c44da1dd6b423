import { ScrollText } from "lucide-react";
import type { StudioFile } from "../lib/types.ts";
import { CardFrame } from "./card-frame.tsx";
import { hasKeys, type ToolCardProps } from "./card-types.ts";
import { GenericToolCard } from "./generic-tool-card.tsx";

/** `get-file-text`: an excerpt of a file's text, in a bounded, scrollable screenplay-style view. */
export function FileTextCard(props: ToolCardProps) {
  if (!hasKeys(props.output, "file", "text")) return <GenericToolCard {...props} />;
  const file = props.output.file as StudioFile;
  const text = String(props.output.text);
  const total = hasKeys(props.output, "totalLength") ? Number(props.output.totalLength) : text.length;
  return (
    <CardFrame icon={<ScrollText size={15} />} title={file.name}>
      <pre className="max-h-64 overflow-auto rounded bg-stone-950 p-2 font-mono text-xs whitespace-pre-wrap text-stone-200">
        {text}
      </pre>
      {total > text.length ? (
        <p className="mt-1 text-xs text-stone-500">
          Showing {text.length.toLocaleString()} of {total.toLocaleString()} characters.
        </p>
      ) : null}
    </CardFrame>
  );
}
