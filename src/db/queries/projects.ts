import { count, desc, eq } from "drizzle-orm";
import { AppError } from "../../lib/errors.ts";
import { isId } from "../../lib/ids.ts";
import type { UserTransaction } from "../rls.ts";
import { type Project, projects } from "../schema/projects.ts";
import { projectScopedTables } from "../schema.ts";

/** Every project query runs inside `withUser`, so RLS limits it to the caller's rows. */

export async function listProjects(tx: UserTransaction): Promise<Project[]> {
  return tx.select().from(projects).orderBy(desc(projects.updatedAt));
}

/** The project, or `not_found:project` for a malformed id, an unknown id or another user's project alike. */
export async function getProject(tx: UserTransaction, projectId: string): Promise<Project> {
  if (!isId(projectId)) throw projectNotFound();
  const [project] = await tx.select().from(projects).where(eq(projects.id, projectId));
  if (!project) throw projectNotFound();
  return project;
}

export async function findProjectByTitle(tx: UserTransaction, title: string): Promise<Project | undefined> {
  const [project] = await tx.select().from(projects).where(eq(projects.title, title)).limit(1);
  return project;
}

export async function createProject(
  tx: UserTransaction,
  input: { ownerId: string; title: string; description?: string },
): Promise<Project> {
  const [project] = await tx.insert(projects).values(input).returning();
  return project!;
}

export async function renameProject(
  tx: UserTransaction,
  input: { projectId: string; title: string; description?: string },
): Promise<Project> {
  await getProject(tx, input.projectId);
  const [project] = await tx
    .update(projects)
    .set({
      title: input.title,
      ...(input.description === undefined ? {} : { description: input.description }),
      updatedAt: new Date(),
    })
    .where(eq(projects.id, input.projectId))
    .returning();
  return project!;
}

/** What a project deletion removed: rows per table (the project itself included). */
export type DeletionReport = { project: Project; rows: Record<string, number> };

/** Deletes the project row and, through foreign keys, every row scoped to it; counts them first. */
export async function deleteProjectRows(tx: UserTransaction, projectId: string): Promise<DeletionReport> {
  const project = await getProject(tx, projectId);
  const rows: Record<string, number> = { projects: 1 };
  for (const [name, table] of Object.entries(projectScopedTables)) {
    const [row] = await tx.select({ value: count() }).from(table).where(eq(table.projectId, projectId));
    rows[name] = row?.value ?? 0;
  }
  await tx.delete(projects).where(eq(projects.id, projectId));
  return { project, rows };
}

export function projectNotFound(): AppError {
  return new AppError("not_found:project", "No such project. List your projects to find the right id.");
}
