import { Wrench } from "lucide-react";
import { toolLabel } from "../lib/format.ts";
import { CardFrame } from "./card-frame.tsx";
import type { ToolCardProps } from "./card-types.ts";
import { ValueView } from "./value-view.tsx";

/** The fallback for a tool without its own card: what was asked and what came back, tidily. */
export function GenericToolCard(props: ToolCardProps) {
  const hasInput =
    typeof props.input === "object" && props.input !== null && Object.keys(props.input).length > 0;
  return (
    <CardFrame icon={<Wrench size={15} />} title={toolLabel(props.toolName)}>
      {hasInput ? (
        <details className="mb-2">
          <summary className="cursor-pointer text-xs text-stone-400">What was asked</summary>
          <div className="mt-1">
            <ValueView value={props.input} />
          </div>
        </details>
      ) : null}
      <ValueView value={props.output} />
    </CardFrame>
  );
}
