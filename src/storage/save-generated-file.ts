import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { insertFile } from "../db/queries/files.ts";
import type { UserScope } from "../db/rls.ts";
import { type FileKind, files, type StoredFile } from "../db/schema/files.ts";
import { newId } from "../lib/ids.ts";
import type { BlobStorage } from "./blob-storage.ts";
import { safeFileName } from "./save-upload.ts";

/** Which job step makes a file: the step may run again after a crash, and must not save a second copy. */
export type JobOutput = { jobId: string; step: string };

/**
 * Stores a file the studio made (a graded still, a cleaned track, a LUT, a breakdown sheet) as a new file
 * of the project. The blob is written first and removed again if the row cannot be written. A job's output
 * (`jobOutput`) gets an id derived from the job, the step and the file name, so a step that reruns after a
 * crash (its file saved, the step not yet recorded) finds the file it saved and returns it.
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
  jobOutput?: JobOutput;
}): Promise<StoredFile> {
  const fileId = input.jobOutput ? jobOutputFileId(input.jobOutput, input.name) : newId();
  if (input.jobOutput) {
    const [saved] = await input.transaction((tx) => tx.select().from(files).where(eq(files.id, fileId)));
    if (saved) return saved;
  }
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

/** A UUID (version 8, name-based) for a job step's output file: the same on every run of the step. */
export function jobOutputFileId(output: JobOutput, name: string): string {
  const hex = createHash("sha256").update(`${output.jobId}\0${output.step}\0${name}`).digest("hex");
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
