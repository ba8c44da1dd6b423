import { FileText } from "lucide-react";
import { formatBytes } from "../lib/format.ts";
import type { StudioFile } from "../lib/types.ts";
import { CardFrame } from "./card-frame.tsx";
import { hasKeys, type ToolCardProps } from "./card-types.ts";
import { GenericToolCard } from "./generic-tool-card.tsx";

/** `list-files`: the project's files with kind and size, each downloadable. */
export function FilesCard(props: ToolCardProps) {
  if (!hasKeys(props.output, "files") || !Array.isArray(props.output.files))
    return <GenericToolCard {...props} />;
  const files = props.output.files as StudioFile[];
  return (
    <CardFrame icon={<FileText size={15} />} title={`${files.length} file${files.length === 1 ? "" : "s"}`}>
      {files.length === 0 ? (
        <p className="text-stone-400">No files yet: drop some into the Files panel.</p>
      ) : (
        <ul className="flex flex-col gap-1">
          {files.map((file) => (
            <li key={file.id} className="flex items-center gap-2">
              <a
                href={`/api/files/${file.id}/content`}
                className="min-w-0 truncate text-amber-400 hover:underline"
              >
                {file.name}
              </a>
              <span className="shrink-0 rounded bg-stone-800 px-1.5 text-xs text-stone-300">{file.kind}</span>
              <span className="ml-auto shrink-0 text-xs text-stone-500">{formatBytes(file.sizeBytes)}</span>
            </li>
          ))}
        </ul>
      )}
    </CardFrame>
  );
}
