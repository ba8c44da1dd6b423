import { Search } from "lucide-react";
import type { z } from "zod";
import type { findElementsTool } from "../../../../tools/script/find-elements.ts";
import { CardFrame } from "../card-frame.tsx";
import { hasKeys, type ToolCardProps } from "../card-types.ts";
import { GenericToolCard } from "../generic-tool-card.tsx";
import { ElementChip } from "./element-chip.tsx";

type FindOutput = z.infer<typeof findElementsTool.outputSchema>;

/** `find-elements`: each matching element as a coloured chip with the scenes that need it. */
export function FindElementsCard(props: ToolCardProps) {
  if (!hasKeys(props.output, "matches", "query")) return <GenericToolCard {...props} />;
  const output = props.output as FindOutput;
  return (
    <CardFrame
      icon={<Search size={15} />}
      title={`In the breakdown: “${output.query}”`}
      testId="find-elements-card"
    >
      {output.matches.length === 0 ? (
        <p className="text-stone-400">
          No element matches. Add it with a correction if the breakdown missed it.
        </p>
      ) : (
        <ul className="flex flex-col gap-1">
          {output.matches.map((match) => (
            <li key={`${match.category}:${match.name}`} className="flex flex-wrap items-center gap-2">
              <ElementChip category={match.category} name={match.name} />
              <span className="text-xs text-stone-400">
                {match.scenes.length === 1 ? "scene" : "scenes"}{" "}
                {match.scenes.map((scene) => scene.number).join(", ")}
              </span>
            </li>
          ))}
        </ul>
      )}
    </CardFrame>
  );
}
