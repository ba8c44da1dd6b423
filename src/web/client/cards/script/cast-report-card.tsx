import { Users } from "lucide-react";
import type { z } from "zod";
import type { getCastReportTool } from "../../../../tools/script/get-cast-report.ts";
import { CardFrame } from "../card-frame.tsx";
import { hasKeys, type ToolCardProps } from "../card-types.ts";
import { GenericToolCard } from "../generic-tool-card.tsx";

type CastOutput = z.infer<typeof getCastReportTool.outputSchema>;

/** `get-cast-report`: the cast list with scene counts and first and last appearance. */
export function CastReportCard(props: ToolCardProps) {
  if (!hasKeys(props.output, "cast", "breakdown")) return <GenericToolCard {...props} />;
  const output = props.output as CastOutput;
  return (
    <CardFrame
      icon={<Users size={15} />}
      title={`Cast · ${output.breakdown.fileName}`}
      testId="cast-report-card"
    >
      <table className="w-full text-left text-xs">
        <thead className="text-stone-400">
          <tr>
            <th className="p-1">#</th>
            <th className="p-1">Character</th>
            <th className="p-1">Scenes</th>
            <th className="p-1">First</th>
            <th className="p-1">Last</th>
          </tr>
        </thead>
        <tbody>
          {output.cast.map((row) => (
            <tr key={row.name} className="border-t border-stone-800">
              <td className="p-1 font-mono text-red-300">{row.castNumber}</td>
              <td className="p-1 text-stone-200">
                {row.name}
                {row.speaking ? "" : <span className="text-stone-500"> (silent)</span>}
              </td>
              <td className="p-1 text-stone-300">{row.sceneCount}</td>
              <td className="p-1 text-stone-400">{row.firstScene ?? "—"}</td>
              <td className="p-1 text-stone-400">{row.lastScene ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </CardFrame>
  );
}
