import { and, desc, eq } from "drizzle-orm";
import { AppError } from "../../lib/errors.ts";
import { isId } from "../../lib/ids.ts";
import type { UserTransaction } from "../rls.ts";
import { type FileKind, files, type StoredFile } from "../schema/files.ts";
import { chunks } from "../schema/retrieval.ts";

export async function listFiles(
  tx: UserTransaction,
  filter: { projectId: string; kind?: FileKind },
): Promise<StoredFile[]> {
  const conditions = [eq(files.projectId, filter.projectId)];
  if (filter.kind) conditions.push(eq(files.kind, filter.kind));
  return tx
    .select()
    .from(files)
    .where(and(...conditions))
    .orderBy(desc(files.createdAt));
}

/** The file, or `not_found:file` for a malformed, unknown or foreign id alike. */
export async function getFile(tx: UserTransaction, fileId: string): Promise<StoredFile> {
  if (!isId(fileId)) throw fileNotFound();
  const [file] = await tx.select().from(files).where(eq(files.id, fileId));
  if (!file) throw fileNotFound();
  return file;
}

export async function insertFile(
  tx: UserTransaction,
  values: typeof files.$inferInsert,
): Promise<StoredFile> {
  const [file] = await tx.insert(files).values(values).returning();
  return file!;
}

/** Deletes a file's row and the search passages made from it. */
export async function deleteFileRow(tx: UserTransaction, fileId: string): Promise<StoredFile> {
  const file = await getFile(tx, fileId);
  await tx.delete(chunks).where(and(eq(chunks.sourceType, "file"), eq(chunks.sourceId, fileId)));
  await tx.delete(files).where(eq(files.id, fileId));
  return file;
}

function fileNotFound(): AppError {
  return new AppError("not_found:file", "No such file. List the project's files to find the right id.");
}
