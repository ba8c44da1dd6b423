import { Clapperboard } from "lucide-react";
import type { z } from "zod";
import type { getSceneTool } from "../../../../tools/script/get-scene.ts";
import type { listScenesTool } from "../../../../tools/script/list-scenes.ts";
import { CardFrame } from "../card-frame.tsx";
import { hasKeys, type ToolCardProps } from "../card-types.ts";
import { GenericToolCard } from "../generic-tool-card.tsx";
import { ScenesTable } from "./scenes-table.tsx";

type ListOutput = z.infer<typeof listScenesTool.outputSchema>;
type SceneOutput = z.infer<typeof getSceneTool.outputSchema>;

/** `list-scenes`, `get-scene` and `correct-breakdown`: the scenes as a table with category filters and coloured element chips. */
export function ScenesCard(props: ToolCardProps) {
  if (hasKeys(props.output, "breakdown", "scenes")) {
    const output = props.output as ListOutput;
    return (
      <CardFrame
        icon={<Clapperboard size={15} />}
        title={`${output.scenes.length} of ${output.totalScenes} scenes · ${output.breakdown.fileName}`}
        testId="scenes-card"
      >
        {output.scenes.length === 0 ? (
          <p className="text-stone-400">No scene matches; try another filter.</p>
        ) : (
          <ScenesTable scenes={output.scenes} />
        )}
      </CardFrame>
    );
  }
  if (hasKeys(props.output, "breakdown", "scene")) {
    const { scene, breakdown } = props.output as SceneOutput;
    return (
      <CardFrame
        icon={<Clapperboard size={15} />}
        title={`Scene ${scene.number} · ${breakdown.fileName}`}
        testId="scenes-card"
      >
        <ScenesTable scenes={[scene]} />
        {Array.isArray(scene.speaking) && scene.speaking.length > 0 ? (
          <p className="mt-1 text-xs text-stone-400">Speaking: {scene.speaking.join(", ")}</p>
        ) : null}
      </CardFrame>
    );
  }
  return <GenericToolCard {...props} />;
}
