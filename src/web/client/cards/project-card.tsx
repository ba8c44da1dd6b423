import { Clapperboard, FileText } from "lucide-react";
import { AppLink } from "../components/app-link.tsx";
import { formatBytes } from "../lib/format.ts";
import type { Project, StudioFile } from "../lib/types.ts";
import { CardFrame } from "./card-frame.tsx";
import { hasKeys, type ToolCardProps } from "./card-types.ts";
import { GenericToolCard } from "./generic-tool-card.tsx";

const verbs: Record<string, string> = {
  "create-project": "Project created",
  "rename-project": "Project renamed",
  "get-project": "Project",
};

/** `create-project`, `rename-project`, `get-project`: the project, with its files when given. */
export function ProjectCard(props: ToolCardProps) {
  if (!hasKeys(props.output, "project")) return <GenericToolCard {...props} />;
  const project = props.output.project as Project;
  const files =
    hasKeys(props.output, "files") && Array.isArray(props.output.files)
      ? (props.output.files as StudioFile[])
      : null;
  return (
    <CardFrame icon={<Clapperboard size={15} />} title={verbs[props.toolName] ?? "Project"}>
      <AppLink
        href={`/projects/${project.id}`}
        className="text-base font-medium text-amber-400 hover:underline"
      >
        {project.title}
      </AppLink>
      {project.description ? <p className="mt-1 text-stone-300">{project.description}</p> : null}
      {files ? (
        <ul className="mt-2 flex flex-col gap-1 text-stone-300">
          {files.length === 0 ? <li className="text-stone-500">No files yet.</li> : null}
          {files.map((file) => (
            <li key={file.id} className="flex items-center gap-2">
              <FileText size={14} className="shrink-0 text-stone-500" aria-hidden />
              <span className="truncate">{file.name}</span>
              <span className="ml-auto shrink-0 text-xs text-stone-500">{formatBytes(file.sizeBytes)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </CardFrame>
  );
}
