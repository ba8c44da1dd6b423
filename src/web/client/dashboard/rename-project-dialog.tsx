import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { Button } from "../components/button.tsx";
import { Modal } from "../components/modal.tsx";
import { TextField } from "../components/text-field.tsx";
import { keys } from "../hooks/queries.ts";
import { api } from "../lib/api.ts";
import type { Project } from "../lib/types.ts";

/** Renames a project; the server's validation message is shown under the field. */
export function RenameProjectDialog(props: {
  project: Project;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(props.project.title);
  useEffect(() => {
    if (props.open) setTitle(props.project.title);
  }, [props.open, props.project.title]);
  const rename = useMutation({
    mutationFn: () =>
      api<{ project: Project }>(`/api/projects/${props.project.id}`, { method: "PATCH", body: { title } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.projects });
      await queryClient.invalidateQueries({ queryKey: keys.project(props.project.id) });
      props.onOpenChange(false);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate();
  };
  return (
    <Modal open={props.open} onOpenChange={props.onOpenChange} title="Rename project">
      <form onSubmit={submit} className="flex flex-col gap-4">
        <TextField
          label="Title"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={rename.isError ? rename.error.message : undefined}
        />
        <div className="flex justify-end gap-2">
          <Button onClick={() => props.onOpenChange(false)}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={rename.isPending}>
            {rename.isPending ? "Saving…" : "Save"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
