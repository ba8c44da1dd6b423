import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FileText, Trash2, Upload } from "lucide-react";
import { type DragEvent, useState } from "react";
import { Button } from "../components/button.tsx";
import { EmptyState } from "../components/empty-state.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { Modal } from "../components/modal.tsx";
import { keys, useFiles } from "../hooks/queries.ts";
import { api } from "../lib/api.ts";
import { formatBytes } from "../lib/format.ts";
import type { StudioFile } from "../lib/types.ts";
import { UploadRow } from "./upload-row.tsx";
import type { useUploadQueue } from "./use-upload-queue.ts";

/** Files: a drop zone (or picker) for many files at once, each upload's progress, and the project's files. */
export function FilesPanel(props: {
  projectId: string;
  uploads: ReturnType<typeof useUploadQueue>;
  onPickFiles: () => void;
}) {
  const queryClient = useQueryClient();
  const files = useFiles(props.projectId);
  const [dragging, setDragging] = useState(false);
  const [toDelete, setToDelete] = useState<StudioFile | null>(null);
  const remove = useMutation({
    mutationFn: (file: StudioFile) => api(`/api/files/${file.id}`, { method: "DELETE" }),
    onSuccess: async () => {
      setToDelete(null);
      await queryClient.invalidateQueries({ queryKey: keys.files(props.projectId) });
    },
  });

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = Array.from(event.dataTransfer.files);
    if (dropped.length > 0) props.uploads.add(dropped);
  };

  return (
    <div className="flex flex-col gap-3">
      <section
        aria-label="Upload files"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`flex flex-col items-center gap-2 rounded-lg border-2 border-dashed p-4 text-center text-sm transition-colors ${dragging ? "border-amber-500 bg-amber-500/10" : "border-stone-700"}`}
      >
        <Upload size={20} className="text-amber-400" aria-hidden />
        <p className="text-stone-300">Drop screenplays, images, audio, video, 3D models or LUTs here</p>
        <Button size="sm" variant="primary" onClick={props.onPickFiles}>
          Choose files
        </Button>
      </section>
      {props.uploads.items.length > 0 ? (
        <section aria-label="Uploads">
          <div className="mb-1 flex items-center justify-between">
            <h3 className="text-xs font-medium tracking-wide text-stone-400 uppercase">Uploads</h3>
            <button
              type="button"
              className="text-xs text-stone-400 hover:underline"
              onClick={props.uploads.clearFinished}
            >
              Clear finished
            </button>
          </div>
          <ul className="flex flex-col gap-2">
            {props.uploads.items.map((item) => (
              <UploadRow key={item.id} item={item} onDismiss={() => props.uploads.dismiss(item.id)} />
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-label="Project files">
        <h3 className="mb-1 text-xs font-medium tracking-wide text-stone-400 uppercase">In this project</h3>
        {files.isPending ? (
          <p className="text-sm text-stone-400">Loading files…</p>
        ) : files.isError ? (
          <ErrorMessage>{files.error.message}</ErrorMessage>
        ) : files.data.length === 0 ? (
          <EmptyState icon={<FileText aria-hidden />} title="No files yet">
            Upload your screenplay to start.
          </EmptyState>
        ) : (
          <ul className="flex flex-col" data-testid="file-list">
            {files.data.map((file) => (
              <li
                key={file.id}
                className="group flex items-center gap-2 rounded px-1 py-1.5 text-sm hover:bg-stone-900"
                data-testid="file-row"
              >
                <FileText size={14} className="shrink-0 text-stone-500" aria-hidden />
                <a href={`/api/files/${file.id}/content`} className="min-w-0 flex-1 truncate hover:underline">
                  {file.name}
                </a>
                <span className="shrink-0 text-xs text-stone-500">{formatBytes(file.sizeBytes)}</span>
                <button
                  type="button"
                  className="rounded p-1 text-stone-500 hover:bg-stone-800 hover:text-red-300"
                  aria-label={`Delete ${file.name}`}
                  onClick={() => setToDelete(file)}
                >
                  <Trash2 size={14} aria-hidden />
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Modal
        open={toDelete !== null}
        onOpenChange={(open) => !open && setToDelete(null)}
        title={`Delete “${toDelete?.name ?? ""}”?`}
        description="The file and what the studio learned from it (search passages, breakdowns) are removed. This cannot be undone."
      >
        {remove.isError ? <ErrorMessage>{remove.error.message}</ErrorMessage> : null}
        <div className="mt-4 flex justify-end gap-2">
          <Button onClick={() => setToDelete(null)}>Keep it</Button>
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={() => toDelete && remove.mutate(toDelete)}
          >
            {remove.isPending ? "Deleting…" : "Delete file"}
          </Button>
        </div>
      </Modal>
    </div>
  );
}
