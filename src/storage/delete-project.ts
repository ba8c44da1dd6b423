import { deleteProjectRows } from "../db/queries/projects.ts";
import type { UserScope } from "../db/rls.ts";
import type { Project } from "../db/schema/projects.ts";
import type { BlobStorage } from "./blob-storage.ts";

export type ProjectDeletion = { project: Project; rows: Record<string, number>; storedFiles: number };

/** Deletes a project's rows (through RLS, so only the caller's) and then every stored file under it. */
export async function deleteProject(input: {
  transaction: UserScope;
  storage: BlobStorage;
  userId: string;
  projectId: string;
}): Promise<ProjectDeletion> {
  const report = await input.transaction((tx) => deleteProjectRows(tx, input.projectId));
  const storedFiles = await input.storage.deletePrefix(`${input.userId}/${report.project.id}`);
  return { ...report, storedFiles };
}
