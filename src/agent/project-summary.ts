import { listFiles } from "../db/queries/files.ts";
import { listJobs } from "../db/queries/jobs.ts";
import { getProject } from "../db/queries/projects.ts";
import type { UserScope } from "../db/rls.ts";
import type { PromptProject } from "./system-prompt.ts";

/** How many of the project's latest jobs the system prompt lists. */
const recentJobCount = 5;

/** The current project as the system prompt describes it: title, files, and the latest jobs (newest first). */
export async function projectSummary(scope: UserScope, projectId: string): Promise<PromptProject> {
  return scope(async (tx) => {
    const project = await getProject(tx, projectId);
    const files = await listFiles(tx, { projectId });
    const jobs = await listJobs(tx, { projectId, limit: recentJobCount });
    return {
      id: project.id,
      title: project.title,
      files: files.map(({ id, name, kind }) => ({ id, name, kind })),
      recentJobs: jobs.map(({ id, tool, status }) => ({ id, tool, status })),
    };
  });
}
