import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { z } from "zod";
import type { projectView } from "../tools/shared-schemas.ts";
import { answering, jsonContents, type ResourceContext, variable } from "./resource-context.ts";
import { resourceTemplates, resourceUris } from "./resource-uris.ts";

type ProjectView = z.infer<typeof projectView>;

/** `nollyai://projects`, `nollyai://projects/{projectId}` and `nollyai://projects/{projectId}/files`. */
export function registerProjectResources(server: McpServer, context: ResourceContext): void {
  const listProjects = async () =>
    ((await context.runTool("list-projects", {})) as { projects: ProjectView[] }).projects;

  server.registerResource(
    "projects",
    resourceUris.projects,
    {
      title: "Your projects",
      description: "Every film project of yours, with ids and titles.",
      mimeType: "application/json",
    },
    (uri) => answering(context.deps, async () => jsonContents(uri, { projects: await listProjects() })),
  );

  server.registerResource(
    "project",
    new ResourceTemplate(resourceTemplates.project, {
      list: () =>
        answering(context.deps, async () => ({
          resources: (await listProjects()).map((project) => ({
            uri: resourceUris.project(project.id),
            name: project.title,
            title: `Project: ${project.title}`,
            mimeType: "application/json",
          })),
        })),
    }),
    { title: "A project", description: "One project with its files.", mimeType: "application/json" },
    (uri, variables) =>
      answering(context.deps, async () =>
        jsonContents(uri, await context.runTool("get-project", { projectId: variable(variables.projectId) })),
      ),
  );

  server.registerResource(
    "project-files",
    new ResourceTemplate(resourceTemplates.projectFiles, {
      list: () =>
        answering(context.deps, async () => ({
          resources: (await listProjects()).map((project) => ({
            uri: resourceUris.projectFiles(project.id),
            name: `${project.title}: files`,
            mimeType: "application/json",
          })),
        })),
    }),
    { title: "A project's files", description: "The files of one project.", mimeType: "application/json" },
    (uri, variables) =>
      answering(context.deps, async () =>
        jsonContents(uri, await context.runTool("list-files", { projectId: variable(variables.projectId) })),
      ),
  );
}
