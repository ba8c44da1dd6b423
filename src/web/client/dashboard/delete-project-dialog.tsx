import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "../components/button.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { Modal } from "../components/modal.tsx";
import { keys } from "../hooks/queries.ts";
import { api } from "../lib/api.ts";
import { formatBytes } from "../lib/format.ts";
import { navigate } from "../lib/router.ts";
import type { Project, ProjectDeletion, StudioFile, Thread } from "../lib/types.ts";

/** Asks before deleting a project, listing what goes with it (files and conversations), then deletes. */
export function DeleteProjectDialog(props: {
  project: Project;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  afterDelete?: string;
}) {
  const queryClient = useQueryClient();
  const contents = useQuery({
    queryKey: ["project-contents", props.project.id],
    enabled: props.open,
    queryFn: async () => {
      const [files, threads] = await Promise.all([
        api<{ files: StudioFile[] }>(`/api/projects/${props.project.id}/files`),
        api<{ threads: Thread[] }>(`/api/threads?projectId=${props.project.id}`),
      ]);
      return { files: files.files, threads: threads.threads };
    },
  });
  const remove = useMutation({
    mutationFn: () =>
      api<{ deleted: ProjectDeletion }>(`/api/projects/${props.project.id}`, { method: "DELETE" }),
    onSuccess: async () => {
      props.onOpenChange(false);
      queryClient.removeQueries({ queryKey: keys.project(props.project.id) });
      await queryClient.invalidateQueries({ queryKey: keys.projects });
      if (props.afterDelete) navigate(props.afterDelete);
    },
  });
  const totalBytes = contents.data?.files.reduce((sum, file) => sum + file.sizeBytes, 0) ?? 0;

  return (
    <Modal
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={`Delete “${props.project.title}”?`}
      description="This cannot be undone. Everything in the project is removed:"
    >
      <ul className="mb-4 list-disc pl-5 text-sm text-stone-300">
        {contents.isPending ? (
          <li>Counting what is in the project…</li>
        ) : contents.isError ? (
          <li>Its files, conversations, breakdowns and job results (could not count them).</li>
        ) : (
          <>
            <li>
              {contents.data.files.length} file{contents.data.files.length === 1 ? "" : "s"} (
              {formatBytes(totalBytes)})
            </li>
            <li>
              {contents.data.threads.length} conversation{contents.data.threads.length === 1 ? "" : "s"}
            </li>
            <li>its breakdowns, search index and job results</li>
          </>
        )}
      </ul>
      {remove.isError ? <ErrorMessage>{remove.error.message}</ErrorMessage> : null}
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={() => props.onOpenChange(false)}>Keep it</Button>
        <Button variant="danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
          {remove.isPending ? "Deleting…" : "Delete project"}
        </Button>
      </div>
    </Modal>
  );
}
