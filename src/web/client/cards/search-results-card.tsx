import { Quote } from "lucide-react";
import type { z } from "zod";
import type { searchProjectTool } from "../../../tools/search-project.ts";
import { CardFrame } from "./card-frame.tsx";
import { hasKeys, type ToolCardProps } from "./card-types.ts";
import { GenericToolCard } from "./generic-tool-card.tsx";

type SearchOutput = z.infer<typeof searchProjectTool.outputSchema>;
type Passage = SearchOutput["passages"][number];

/** Where a passage came from, in words: "brick-and-steel.fountain · INT. GARAGE - DAY · p. 3". */
function sourceLine(passage: Passage): string {
  return [passage.source.label, passage.scene, passage.page ? `p. ${passage.page}` : null]
    .filter(Boolean)
    .join(" · ");
}

/** `search-project`: the passages found, each with its source (file, scene, page), so answers can be checked. */
export function SearchResultsCard(props: ToolCardProps) {
  if (!hasKeys(props.output, "passages") || !Array.isArray(props.output.passages)) {
    return <GenericToolCard {...props} />;
  }
  const output = props.output as SearchOutput;
  return (
    <CardFrame
      icon={<Quote size={15} />}
      title={output.query ? `Found in your project: “${output.query}”` : "Found in your project"}
      testId="search-results-card"
    >
      {output.passages.length === 0 ? (
        <p className="text-stone-400">
          Nothing in the project matches. Upload the script, or ask in other words.
        </p>
      ) : (
        <ol className="flex flex-col gap-2">
          {output.passages.map((passage) => (
            <li
              key={`${passage.source.id}-${passage.scene}-${passage.page}-${passage.text.slice(0, 24)}`}
              className="rounded border border-stone-800 bg-stone-950 p-2"
            >
              <p className="mb-1 text-xs font-medium text-amber-400" data-testid="passage-source">
                {passage.source.type === "file" ? (
                  <a href={`/api/files/${passage.source.id}/content`} className="hover:underline">
                    {sourceLine(passage)}
                  </a>
                ) : (
                  sourceLine(passage)
                )}
              </p>
              <p className="line-clamp-6 font-mono text-xs whitespace-pre-wrap text-stone-300">
                {passage.text}
              </p>
            </li>
          ))}
        </ol>
      )}
    </CardFrame>
  );
}
