import { Trash2 } from "lucide-react";
import type { ProjectDeletion } from "../lib/types.ts";
import { CardFrame } from "./card-frame.tsx";
import { hasKeys, type ToolCardProps } from "./card-types.ts";
import { GenericToolCard } from "./generic-tool-card.tsx";

/** `delete-project`: what was removed, counted. */
export function ProjectDeletedCard(props: ToolCardProps) {
  if (!hasKeys(props.output, "deleted")) return <GenericToolCard {...props} />;
  const deleted = props.output.deleted as ProjectDeletion;
  const rows = Object.entries(deleted.rows).filter(([, count]) => count > 0);
  return (
    <CardFrame
      icon={<Trash2 size={15} />}
      title={`Deleted “${deleted.project.title}”`}
      testId="project-deleted-card"
    >
      <ul className="list-disc pl-5 text-stone-300">
        {rows.map(([table, count]) => (
          <li key={table}>
            {count} {table.replace(/_/g, " ")}
          </li>
        ))}
        <li>
          {deleted.storedFiles} stored file{deleted.storedFiles === 1 ? "" : "s"}
        </li>
      </ul>
    </CardFrame>
  );
}
