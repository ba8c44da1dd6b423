import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { insertFile } from "../db/queries/files.ts";
import type { UserScope } from "../db/rls.ts";
import type { FileKind, StoredFile } from "../db/schema/files.ts";
import { newId } from "../lib/ids.ts";
import type { BlobStorage } from "./blob-storage.ts";
import { safeFileName } from "./save-upload.ts";

/**
 * Stores a file the studio made (a graded still, a cleaned track, a LUT, a breakdown sheet) as a new file
 * of the project. The blob is written first and removed again if the row cannot be written.
 */
export async function saveGeneratedFile(input: {
  transaction: UserScope;
  storage: BlobStorage;
  userId: string;
  projectId: string;
  name: string;
  kind: FileKind;
  mimeType: string;
  content: { path: string } | { bytes: Uint8Array | string };
}): Promise<StoredFile> {
  const fileId = newId();
  const storageKey = `${input.userId}/${input.projectId}/${fileId}`;
  const body =
    "path" in input.content
      ? createReadStream(input.content.path)
      : Readable.from([Buffer.from(input.content.bytes)]);
  const stored = await input.storage.put(storageKey, body);
  try {
    return await input.transaction((tx) =>
      insertFile(tx, {
        id: fileId,
        ownerId: input.userId,
        projectId: input.projectId,
        name: safeFileName(input.name),
        kind: input.kind,
        mimeType: input.mimeType,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        storageKey,
      }),
    );
  } catch (error) {
    await input.storage.delete(storageKey);
    throw error;
  }
}
