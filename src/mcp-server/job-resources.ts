import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { JobService } from "../jobs/job-service.ts";
import { answering, jsonContents, type ResourceContext, variable } from "./resource-context.ts";
import { resourceTemplates, resourceUris } from "./resource-uris.ts";

const listedJobs = 50;

/** `nollyai://jobs` and `nollyai://jobs/{jobId}`: for clients that read results rather than follow progress. */
export function registerJobResources(server: McpServer, context: ResourceContext, jobs: JobService): void {
  server.registerResource(
    "jobs",
    resourceUris.jobs,
    {
      title: "Your recent jobs",
      description: `Your ${listedJobs} most recent jobs.`,
      mimeType: "application/json",
    },
    (uri) =>
      answering(context.deps, async () =>
        jsonContents(uri, { jobs: await jobs.list(context.user.id, { limit: listedJobs }) }),
      ),
  );
  server.registerResource(
    "job",
    new ResourceTemplate(resourceTemplates.job, {
      list: () =>
        answering(context.deps, async () => ({
          resources: (await jobs.list(context.user.id, { limit: listedJobs })).map((job) => ({
            uri: resourceUris.job(job.jobId),
            name: `${job.tool} (${job.status})`,
            mimeType: "application/json",
          })),
        })),
    }),
    {
      title: "A job",
      description: "One job: status, progress with a message, and its result or error once finished.",
      mimeType: "application/json",
    },
    (uri, variables) =>
      answering(context.deps, async () =>
        jsonContents(uri, { job: await jobs.get(context.user.id, variable(variables.jobId)) }),
      ),
  );
}
