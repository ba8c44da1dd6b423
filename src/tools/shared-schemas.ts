import { z } from "zod";
import { fileKinds, type StoredFile } from "../db/schema/files.ts";
import type { Project } from "../db/schema/projects.ts";

/** Schemas several tools share, so a shape is declared once. Outputs are JSON (dates as ISO strings). */

export const projectIdInput = z.uuid({
  error: "projectId must be a project id (a UUID); list projects to find it",
});
export const fileIdInput = z.uuid({
  error: "fileId must be a file id (a UUID); list the project's files to find it",
});

export const projectView = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const fileView = z.object({
  id: z.string(),
  projectId: z.string(),
  name: z.string(),
  kind: z.enum(fileKinds),
  mimeType: z.string(),
  sizeBytes: z.number(),
  createdAt: z.iso.datetime(),
});

/** The public fields of a project row. */
export function toProjectView(project: Project): z.infer<typeof projectView> {
  return {
    id: project.id,
    title: project.title,
    description: project.description,
    createdAt: project.createdAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
  };
}

/** The public fields of a file row (never the owner or the storage key). */
export function toFileView(file: StoredFile): z.infer<typeof fileView> {
  return {
    id: file.id,
    projectId: file.projectId,
    name: file.name,
    kind: file.kind,
    mimeType: file.mimeType,
    sizeBytes: file.sizeBytes,
    createdAt: file.createdAt.toISOString(),
  };
}
