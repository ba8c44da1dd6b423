import { AudioLines, Box, FileText, Film, Image, Palette, ScrollText, Search } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { EmptyState } from "../components/empty-state.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { useFiles } from "../hooks/queries.ts";
import { formatBytes } from "../lib/format.ts";
import { onCommand } from "../lib/studio-commands.ts";
import type { FileKind, StudioFile } from "../lib/types.ts";
import { AssetPreview } from "./asset-preview.tsx";

const kindIcons: Record<FileKind, typeof FileText> = {
  screenplay: ScrollText,
  image: Image,
  audio: AudioLines,
  video: Film,
  model: Box,
  lut: Palette,
  document: FileText,
};
const kinds = Object.keys(kindIcons) as FileKind[];

/** The asset library: search by name, filter by kind, thumbnails, and a preview of each file. */
export function AssetLibrary(props: { projectId: string }) {
  const files = useFiles(props.projectId);
  const [query, setQuery] = useState("");
  const [kind, setKind] = useState<FileKind | "all">("all");
  const [preview, setPreview] = useState<StudioFile | null>(null);
  const searchRef = useRef<HTMLInputElement | null>(null);

  useEffect(() => onCommand((command) => command === "focus-search" && searchRef.current?.focus()), []);

  const shown = (files.data ?? []).filter(
    (file) =>
      (kind === "all" || file.kind === kind) && file.name.toLowerCase().includes(query.trim().toLowerCase()),
  );
  return (
    <div className="flex flex-col gap-3">
      <div className="flex gap-2">
        <div className="relative min-w-0 flex-1">
          <Search
            size={14}
            className="absolute top-1/2 left-2.5 -translate-y-1/2 text-stone-500"
            aria-hidden
          />
          <input
            ref={searchRef}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder="Search files ( / )"
            aria-label="Search files"
            className="h-9 w-full rounded-md border border-stone-700 bg-stone-950 pr-2 pl-8 text-sm"
          />
        </div>
        <select
          value={kind}
          onChange={(event) => setKind(event.target.value as FileKind | "all")}
          aria-label="Filter by kind"
          className="h-9 rounded-md border border-stone-700 bg-stone-950 px-2 text-sm"
        >
          <option value="all">All kinds</option>
          {kinds.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {files.isPending ? (
        <p className="text-sm text-stone-400">Loading…</p>
      ) : files.isError ? (
        <ErrorMessage>{files.error.message}</ErrorMessage>
      ) : shown.length === 0 ? (
        <EmptyState title={files.data.length === 0 ? "The library is empty" : "No file matches"}>
          {files.data.length === 0 ? "Upload files in the Files tab." : "Try another name or kind."}
        </EmptyState>
      ) : (
        <ul className="grid grid-cols-2 gap-2" aria-label="Assets">
          {shown.map((file) => {
            const Icon = kindIcons[file.kind];
            return (
              <li key={file.id}>
                <button
                  type="button"
                  onClick={() => setPreview(file)}
                  className="flex w-full flex-col overflow-hidden rounded-lg border border-stone-800 bg-stone-900 text-left hover:border-amber-500"
                  aria-label={`Preview ${file.name}`}
                >
                  <span className="flex aspect-video items-center justify-center bg-stone-950">
                    {file.kind === "image" ? (
                      <img
                        src={`/api/files/${file.id}/content`}
                        alt=""
                        loading="lazy"
                        className="h-full w-full object-cover"
                      />
                    ) : (
                      <Icon size={28} className="text-stone-600" aria-hidden />
                    )}
                  </span>
                  <span className="truncate px-2 pt-1.5 text-xs font-medium">{file.name}</span>
                  <span className="px-2 pb-1.5 text-[11px] text-stone-500">
                    {file.kind} · {formatBytes(file.sizeBytes)}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <AssetPreview file={preview} onClose={() => setPreview(null)} />
    </div>
  );
}
