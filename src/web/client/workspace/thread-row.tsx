import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { MessageSquare, MoreHorizontal, Pencil, Trash2 } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Button } from "../components/button.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { Modal } from "../components/modal.tsx";
import { TextField } from "../components/text-field.tsx";
import { keys } from "../hooks/queries.ts";
import { api } from "../lib/api.ts";
import type { Thread } from "../lib/types.ts";

const itemClass =
  "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-stone-800";

/** A conversation in the list: open it; rename or delete (asking first) from its menu. */
export function ThreadRow(props: {
  thread: Thread;
  projectId: string;
  active: boolean;
  onOpen: () => void;
  onDeleted: () => void;
}) {
  const queryClient = useQueryClient();
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [title, setTitle] = useState(props.thread.title);
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.threads(props.projectId) });
  const rename = useMutation({
    mutationFn: () => api(`/api/threads/${props.thread.id}`, { method: "PATCH", body: { title } }),
    onSuccess: async () => {
      await refresh();
      setRenaming(false);
    },
  });
  const remove = useMutation({
    mutationFn: () => api(`/api/threads/${props.thread.id}`, { method: "DELETE" }),
    onSuccess: async () => {
      setDeleting(false);
      props.onDeleted();
      await refresh();
    },
  });
  const submitRename = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate();
  };

  return (
    <li
      className={`group flex items-center rounded-md ${props.active ? "bg-stone-800" : "hover:bg-stone-900"}`}
    >
      <button
        type="button"
        onClick={props.onOpen}
        aria-current={props.active ? "true" : undefined}
        className="flex min-w-0 flex-1 items-center gap-2 px-2 py-2 text-left text-sm"
      >
        <MessageSquare size={14} className="shrink-0 text-stone-500" aria-hidden />
        <span className="truncate">{props.thread.title}</span>
      </button>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger
          className="mr-1 rounded p-1 text-stone-500 hover:bg-stone-700 hover:text-stone-100"
          aria-label={`Actions for conversation ${props.thread.title}`}
        >
          <MoreHorizontal size={15} aria-hidden />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="end"
            className="z-50 min-w-36 rounded-lg border border-stone-700 bg-stone-900 p-1 text-stone-100 shadow-xl"
          >
            <DropdownMenu.Item
              className={itemClass}
              onSelect={() => {
                setTitle(props.thread.title);
                setRenaming(true);
              }}
            >
              <Pencil size={14} aria-hidden /> Rename
            </DropdownMenu.Item>
            <DropdownMenu.Item className={`${itemClass} text-red-300`} onSelect={() => setDeleting(true)}>
              <Trash2 size={14} aria-hidden /> Delete…
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <Modal open={renaming} onOpenChange={setRenaming} title="Rename conversation">
        <form onSubmit={submitRename} className="flex flex-col gap-4">
          <TextField
            label="Title"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            error={rename.isError ? rename.error.message : undefined}
          />
          <div className="flex justify-end gap-2">
            <Button onClick={() => setRenaming(false)}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={rename.isPending}>
              Save
            </Button>
          </div>
        </form>
      </Modal>
      <Modal
        open={deleting}
        onOpenChange={setDeleting}
        title="Delete this conversation?"
        description={`“${props.thread.title}” and all its messages are removed. Your files and results stay.`}
      >
        {remove.isError ? <ErrorMessage>{remove.error.message}</ErrorMessage> : null}
        <div className="mt-4 flex justify-end gap-2">
          <Button onClick={() => setDeleting(false)}>Keep it</Button>
          <Button variant="danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
            Delete conversation
          </Button>
        </div>
      </Modal>
    </li>
  );
}
