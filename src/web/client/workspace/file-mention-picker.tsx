import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { AtSign } from "lucide-react";
import type { StudioFile } from "../lib/types.ts";

/** The text inserted for a mentioned file: the agent reads the id, the person reads the name. */
export function mentionText(file: StudioFile): string {
  return `@${file.name} (file id: ${file.id})`;
}

/** Picks a project file to mention in the message. */
export function FileMentionPicker(props: { files: StudioFile[]; onPick: (file: StudioFile) => void }) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="rounded-md p-2 text-stone-400 hover:bg-stone-800 hover:text-stone-100"
        aria-label="Mention a file"
        title="Mention a file"
      >
        <AtSign size={18} aria-hidden />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          side="top"
          align="start"
          sideOffset={6}
          className="z-50 max-h-72 w-72 max-w-[calc(100vw-1rem)] overflow-y-auto rounded-lg border border-stone-700 bg-stone-900 p-1 text-stone-100 shadow-xl"
        >
          <DropdownMenu.Label className="px-2 py-1 text-xs text-stone-400">Mention a file</DropdownMenu.Label>
          {props.files.length === 0 ? (
            <p className="px-2 py-2 text-sm text-stone-400">No files yet: upload some in the Files panel.</p>
          ) : (
            props.files.map((file) => (
              <DropdownMenu.Item
                key={file.id}
                onSelect={() => props.onPick(file)}
                className="flex cursor-pointer items-center justify-between gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-stone-800"
              >
                <span className="truncate">{file.name}</span>
                <span className="shrink-0 text-xs text-stone-500">{file.kind}</span>
              </DropdownMenu.Item>
            ))
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
