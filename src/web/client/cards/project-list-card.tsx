import { Clapperboard } from "lucide-react";
import { AppLink } from "../components/app-link.tsx";
import { formatWhen } from "../lib/format.ts";
import type { Project } from "../lib/types.ts";
import { CardFrame } from "./card-frame.tsx";
import { hasKeys, type ToolCardProps } from "./card-types.ts";
import { GenericToolCard } from "./generic-tool-card.tsx";

/** `list-projects`: the projects as links. */
export function ProjectListCard(props: ToolCardProps) {
  if (!hasKeys(props.output, "projects") || !Array.isArray(props.output.projects))
    return <GenericToolCard {...props} />;
  const projects = props.output.projects as Project[];
  return (
    <CardFrame
      icon={<Clapperboard size={15} />}
      title={`${projects.length} project${projects.length === 1 ? "" : "s"}`}
    >
      <ul className="flex flex-col gap-1">
        {projects.map((project) => (
          <li key={project.id} className="flex items-center justify-between gap-2">
            <AppLink href={`/projects/${project.id}`} className="truncate text-amber-400 hover:underline">
              {project.title}
            </AppLink>
            <span className="shrink-0 text-xs text-stone-500">{formatWhen(project.updatedAt)}</span>
          </li>
        ))}
      </ul>
    </CardFrame>
  );
}
