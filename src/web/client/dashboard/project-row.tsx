import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Clapperboard, MoreHorizontal, Pencil, Trash2 } from "lucide-react";
import { useState } from "react";
import { AppLink } from "../components/app-link.tsx";
import { formatWhen } from "../lib/format.ts";
import type { Project } from "../lib/types.ts";
import { DeleteProjectDialog } from "./delete-project-dialog.tsx";
import { RenameProjectDialog } from "./rename-project-dialog.tsx";

const itemClass =
  "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-stone-800";

/** A project in the list: opens the workspace; its menu renames or deletes. */
export function ProjectRow(props: { project: Project }) {
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  return (
    <li className="flex items-center gap-2 rounded-lg border border-stone-800 bg-stone-900 pr-2 hover:border-stone-600">
      <AppLink
        href={`/projects/${props.project.id}`}
        className="flex min-w-0 flex-1 items-center gap-3 rounded-lg p-3"
        data-testid="project-link"
      >
        <Clapperboard size={18} className="shrink-0 text-amber-400" aria-hidden />
        <span className="min-w-0">
          <span className="block truncate font-medium">{props.project.title}</span>
          <span className="block text-xs text-stone-400">Updated {formatWhen(props.project.updatedAt)}</span>
        </span>
      </AppLink>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger
          className="rounded p-2 text-stone-400 hover:bg-stone-800 hover:text-stone-100"
          aria-label={`Actions for ${props.project.title}`}
        >
          <MoreHorizontal size={18} aria-hidden />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="end"
            className="z-50 min-w-40 rounded-lg border border-stone-700 bg-stone-900 p-1 text-stone-100 shadow-xl"
          >
            <DropdownMenu.Item className={itemClass} onSelect={() => setRenaming(true)}>
              <Pencil size={15} aria-hidden /> Rename
            </DropdownMenu.Item>
            <DropdownMenu.Item className={`${itemClass} text-red-300`} onSelect={() => setDeleting(true)}>
              <Trash2 size={15} aria-hidden /> Delete…
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <RenameProjectDialog project={props.project} open={renaming} onOpenChange={setRenaming} />
      <DeleteProjectDialog project={props.project} open={deleting} onOpenChange={setDeleting} />
    </li>
  );
}
