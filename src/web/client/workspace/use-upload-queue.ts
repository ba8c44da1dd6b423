import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { keys } from "../hooks/queries.ts";
import { ApiError } from "../lib/api.ts";
import type { StudioFile } from "../lib/types.ts";
import { uploadFile } from "../lib/upload-file.ts";

export type UploadItem = {
  id: string;
  name: string;
  size: number;
  progress: number;
  status: "uploading" | "done" | "failed";
  error?: string;
  cancel?: () => void;
};

/**
 * Uploads files to a project, each with its own progress and error. The project's file list is refreshed
 * from the server after a success only, so a refused upload leaves it as it was.
 */
export function useUploadQueue(projectId: string) {
  const queryClient = useQueryClient();
  const [items, setItems] = useState<UploadItem[]>([]);

  const update = useCallback((id: string, change: Partial<UploadItem>) => {
    setItems((current) => current.map((item) => (item.id === id ? { ...item, ...change } : item)));
  }, []);

  const add = useCallback(
    (files: File[]) => {
      for (const file of files) {
        const id = crypto.randomUUID();
        const upload = uploadFile({
          projectId,
          file,
          onProgress: (fraction) => update(id, { progress: fraction }),
        });
        setItems((current) => [
          { id, name: file.name, size: file.size, progress: 0, status: "uploading", cancel: upload.cancel },
          ...current,
        ]);
        upload.done.then(
          (stored: StudioFile) => {
            update(id, { status: "done", progress: 1 });
            queryClient.setQueryData<StudioFile[]>(keys.files(projectId), (current) =>
              current ? [stored, ...current.filter((existing) => existing.id !== stored.id)] : current,
            );
            void queryClient.invalidateQueries({ queryKey: keys.files(projectId) });
          },
          (error: unknown) => {
            update(id, {
              status: "failed",
              error: error instanceof ApiError ? error.message : "The upload failed. Try again.",
            });
          },
        );
      }
    },
    [projectId, queryClient, update],
  );

  const dismiss = useCallback(
    (id: string) => setItems((current) => current.filter((item) => item.id !== id)),
    [],
  );
  const clearFinished = useCallback(
    () => setItems((current) => current.filter((item) => item.status === "uploading")),
    [],
  );
  return { items, add, dismiss, clearFinished };
}
