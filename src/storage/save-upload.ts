import type { Readable } from "node:stream";
import type { Database } from "../db/client.ts";
import { insertFile } from "../db/queries/files.ts";
import { getProject } from "../db/queries/projects.ts";
import { withUser } from "../db/rls.ts";
import type { StoredFile } from "../db/schema/files.ts";
import { newId } from "../lib/ids.ts";
import type { BlobStorage } from "./blob-storage.ts";
import { ruleFor, verifyContent } from "./file-types.ts";
import type { UploadLimits } from "./upload-limits.ts";

export type SaveUploadInput = {
  db: Database;
  storage: BlobStorage;
  limits: UploadLimits;
  userId: string;
  projectId: string;
  fileName: string;
  body: Readable;
};

/**
 * Stores one uploaded file: the project and the extension are checked before a byte is read, the size limit
 * while streaming, the content against the extension once the head is in. The row is written last, so
 * any failure (or an interrupted upload) leaves neither a row nor a blob.
 */
export async function saveUpload(input: SaveUploadInput): Promise<StoredFile> {
  const { db, storage, userId, projectId } = input;
  const name = safeFileName(input.fileName);
  await withUser(db, userId, (tx) => getProject(tx, projectId));
  const rule = ruleFor(name);
  const fileId = newId();
  const storageKey = `${userId}/${projectId}/${fileId}`;
  const stored = await storage.put(storageKey, input.body, { maxBytes: input.limits[rule.kind] });
  try {
    const { kind, mimeType } = await verifyContent(name, stored.head);
    return await withUser(db, userId, (tx) =>
      insertFile(tx, {
        id: fileId,
        ownerId: userId,
        projectId,
        name,
        kind,
        mimeType,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        storageKey,
      }),
    );
  } catch (error) {
    await storage.delete(storageKey);
    throw error;
  }
}

/** The client's file name without any path, control characters or excess length. */
export function safeFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return cleaned.slice(-200) || "upload";
}
