import busboy from "busboy";
import { type Request, type Response, Router } from "express";
import { z } from "zod";
import { indexStoredFile } from "../../../agent/retrieval/index-stored-file.ts";
import { deleteFileRow, getFile, listFiles } from "../../../db/queries/files.ts";
import { getProject } from "../../../db/queries/projects.ts";
import { userScope, withUser } from "../../../db/rls.ts";
import { fileKinds } from "../../../db/schema/files.ts";
import { AppError } from "../../../lib/errors.ts";
import { saveUpload } from "../../../storage/save-upload.ts";
import { toFileView } from "../../../tools/shared-schemas.ts";
import type { AppDeps } from "../app-deps.ts";
import { currentUser, requireUser } from "../current-user.ts";
import { parseInput } from "../validate.ts";

const listQuery = z.object({ kind: z.enum(fileKinds).optional() });

/** Files: streamed multipart upload, list, metadata, download and delete. */
export function fileRoutes(deps: AppDeps): Router {
  const router = Router();
  const { db } = deps.database;
  const largestLimit = Math.max(...Object.values(deps.uploadLimits));
  router.use(["/api/files", "/api/projects/:projectId/files"], requireUser(deps));

  router.get("/api/projects/:projectId/files", async (request, response) => {
    const user = currentUser(response);
    const { kind } = parseInput(listQuery, request.query);
    const projectId = request.params.projectId;
    const rows = await withUser(db, user.id, async (tx) => {
      await getProject(tx, projectId);
      return listFiles(tx, { projectId, ...(kind ? { kind } : {}) });
    });
    response.json({ files: rows.map(toFileView) });
  });

  router.post("/api/projects/:projectId/files", async (request, response) => {
    const user = currentUser(response);
    const declaredLength = Number(request.headers["content-length"] ?? 0);
    if (declaredLength > largestLimit + 1024 * 1024) {
      throw new AppError("payload_too_large:file", "The upload is larger than any accepted file.");
    }
    const file = await receiveOneFile(request, response, (fileName, body) =>
      saveUpload({
        db,
        storage: deps.storage,
        limits: deps.uploadLimits,
        userId: user.id,
        projectId: request.params.projectId,
        fileName,
        body,
      }),
    );
    const search = await indexStoredFile({
      retrieval: deps.retrieval,
      scope: userScope(db, user.id),
      storage: deps.storage,
      file,
    });
    response.status(201).json({ file: toFileView(file), search });
  });

  router.get("/api/files/:fileId", async (request, response) => {
    const user = currentUser(response);
    const file = await withUser(db, user.id, (tx) => getFile(tx, request.params.fileId));
    response.json({ file: toFileView(file) });
  });

  router.get("/api/files/:fileId/content", async (request, response) => {
    const user = currentUser(response);
    const file = await withUser(db, user.id, (tx) => getFile(tx, request.params.fileId));
    response.setHeader("Content-Type", file.mimeType);
    response.setHeader("Content-Length", String(file.sizeBytes));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.attachment(file.name);
    deps.storage.read(file.storageKey).pipe(response);
  });

  router.delete("/api/files/:fileId", async (request, response) => {
    const user = currentUser(response);
    const file = await withUser(db, user.id, (tx) => deleteFileRow(tx, request.params.fileId));
    await deps.storage.delete(file.storageKey);
    response.json({ deleted: toFileView(file) });
  });

  return router;
}

/**
 * Streams the single file part of a multipart request into `save`. An aborted request destroys the part's
 * stream, so `save` fails and cleans up; a refused upload closes the connection instead of reading on.
 */
function receiveOneFile<T>(
  request: Request,
  response: Response,
  save: (fileName: string, body: NodeJS.ReadableStream & import("node:stream").Readable) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: request.headers, limits: { files: 1, fields: 10, fieldSize: 10_000 } });
    } catch (error) {
      reject(
        new AppError("bad_request:upload", 'Send the file as multipart/form-data with a "file" field.', {
          cause: error,
        }),
      );
      return;
    }
    let received = false;
    const fail = (error: unknown) => {
      response.setHeader("Connection", "close");
      request.unpipe(parser);
      request.resume();
      reject(error);
    };
    parser.on("file", (_field, stream, info) => {
      received = true;
      request.once("aborted", () =>
        stream.destroy(new AppError("bad_request:upload", "The upload was interrupted.")),
      );
      save(info.filename ?? "upload", stream).then(resolve, (error: unknown) => {
        stream.resume();
        fail(error);
      });
    });
    parser.on("error", (error) =>
      fail(new AppError("bad_request:upload", "The upload was cut off or malformed.", { cause: error })),
    );
    parser.on("close", () => {
      if (!received)
        fail(new AppError("bad_request:upload", 'No file in the upload: send it in a "file" field.'));
    });
    request.pipe(parser);
  });
}
