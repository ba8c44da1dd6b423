import { useState } from "react";
import type { BreakdownCategory } from "../../../../media/script/index.ts";
import type { SceneView } from "../../../../tools/script/scene-view.ts";
import { categoryLooks, categoryOrder } from "./category-colors.ts";
import { ElementChip } from "./element-chip.tsx";

/** Scenes of a breakdown as a table, with chips to show only the scenes that need a category. */
export function ScenesTable(props: { scenes: SceneView[] }) {
  const [filter, setFilter] = useState<BreakdownCategory | null>(null);
  const present = categoryOrder.filter((category) =>
    props.scenes.some((scene) => scene.elements.some((element) => element.category === category)),
  );
  const shown = filter
    ? props.scenes.filter((scene) => scene.elements.some((element) => element.category === filter))
    : props.scenes;
  return (
    <div>
      {present.length > 1 ? (
        <fieldset className="mb-2 flex flex-wrap gap-1" aria-label="Filter scenes by category">
          {present.map((category) => (
            <button
              key={category}
              type="button"
              aria-pressed={filter === category}
              onClick={() => setFilter(filter === category ? null : category)}
              className={`rounded-full border px-2 py-0.5 text-xs ${
                filter === category
                  ? categoryLooks[category].chip
                  : "border-stone-700 text-stone-400 hover:bg-stone-800"
              }`}
            >
              {categoryLooks[category].label}
            </button>
          ))}
        </fieldset>
      ) : null}
      <div className="max-h-96 overflow-auto">
        <table className="w-full text-left text-xs">
          <thead className="sticky top-0 bg-stone-900 text-stone-400">
            <tr>
              <th className="p-1">#</th>
              <th className="p-1">Scene</th>
              <th className="p-1">Pg</th>
              <th className="p-1">Length</th>
              <th className="p-1">Elements</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((scene) => (
              <tr key={scene.key} className="border-t border-stone-800 align-top" data-testid="scene-row">
                <td className="p-1 font-mono text-stone-300">{scene.number}</td>
                <td className="p-1 text-stone-200">
                  {scene.heading}
                  {scene.synopsis ? <p className="line-clamp-2 text-stone-500">{scene.synopsis}</p> : null}
                </td>
                <td className="p-1 text-stone-400">{scene.page}</td>
                <td className="p-1 text-stone-400">{scene.length}</td>
                <td className="p-1">
                  <div className="flex flex-wrap gap-1">
                    {scene.elements
                      .filter((element) => !filter || element.category === filter)
                      .map((element) => (
                        <ElementChip key={`${element.category}:${element.name}`} {...element} />
                      ))}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
