import { ApiError } from "./api.ts";
import type { StudioFile } from "./types.ts";

/**
 * Uploads one file to a project with XMLHttpRequest, which (unlike fetch) reports upload progress.
 * Rejects with an `ApiError` carrying the server's message (413 too large, 415 wrong type, …).
 */
export function uploadFile(input: {
  projectId: string;
  file: File;
  onProgress: (fraction: number) => void;
}): { done: Promise<StudioFile>; cancel: () => void } {
  const request = new XMLHttpRequest();
  const done = new Promise<StudioFile>((resolve, reject) => {
    request.open("POST", `/api/projects/${input.projectId}/files`);
    request.responseType = "text";
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) input.onProgress(event.loaded / event.total);
    });
    request.addEventListener("load", () => {
      let body: { file?: StudioFile; error?: { code?: string; message?: string } } = {};
      try {
        body = JSON.parse(request.responseText) as typeof body;
      } catch {
        // handled below
      }
      if (request.status === 201 && body.file) {
        input.onProgress(1);
        resolve(body.file);
        return;
      }
      reject(
        new ApiError({
          status: request.status,
          code: body.error?.code ?? `http_${request.status}`,
          message: body.error?.message ?? `The upload failed (HTTP ${request.status}). Try again.`,
        }),
      );
    });
    // A refused upload (too large) may close the connection before the answer can be read.
    request.addEventListener("error", () =>
      reject(
        new ApiError({
          status: 0,
          code: "network",
          message:
            "The upload was cut off. The file may be larger than the studio accepts, or the connection dropped.",
        }),
      ),
    );
    request.addEventListener("abort", () =>
      reject(new ApiError({ status: 0, code: "aborted", message: "Upload cancelled." })),
    );
    const form = new FormData();
    form.append("file", input.file, input.file.name);
    request.send(form);
  });
  return { done, cancel: () => request.abort() };
}
