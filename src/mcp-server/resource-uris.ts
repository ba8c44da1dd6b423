/**
 * The `nollyai://` URI scheme of the studio's MCP resources. Ids are the studio's own UUIDs.
 *
 * | URI | content |
 * |---|---|
 * | `nollyai://projects` | the user's projects (JSON) |
 * | `nollyai://projects/{projectId}` | one project with its files (JSON) |
 * | `nollyai://projects/{projectId}/files` | the project's files (JSON) |
 * | `nollyai://files/{fileId}` | a text file's text; for a binary file its details and a download link (JSON) |
 * | `nollyai://jobs` | the user's recent jobs (JSON) |
 * | `nollyai://jobs/{jobId}` | one job: status, progress, result or error (JSON) |
 */
export const resourceUris = {
  projects: "nollyai://projects",
  project: (projectId: string) => `nollyai://projects/${projectId}`,
  projectFiles: (projectId: string) => `nollyai://projects/${projectId}/files`,
  file: (fileId: string) => `nollyai://files/${fileId}`,
  jobs: "nollyai://jobs",
  job: (jobId: string) => `nollyai://jobs/${jobId}`,
} as const;

/** The same URIs as RFC 6570 templates, for `resources/templates/list`. */
export const resourceTemplates = {
  project: "nollyai://projects/{projectId}",
  projectFiles: "nollyai://projects/{projectId}/files",
  file: "nollyai://files/{fileId}",
  job: "nollyai://jobs/{jobId}",
} as const;
