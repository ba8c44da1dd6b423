import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import type {
  CallToolResult,
  ServerNotification,
  ServerRequest,
  ToolAnnotations,
} from "@modelcontextprotocol/sdk/types.js";
import { unavailableJobQueue } from "../jobs/unavailable-job-queue.ts";
import { createToolContext, type ToolContextDeps } from "../tools/context.ts";
import { runTool } from "../tools/run-tool.ts";
import type { Tool } from "../tools/tool.ts";
import { followJob, isFinished } from "./follow-job.ts";
import type { McpDeps, McpUser } from "./mcp-deps.ts";
import { toToolErrorResult } from "./mcp-errors.ts";
import { progressHandledByClient } from "./progress-handled.ts";
import { resourceUris } from "./resource-uris.ts";
import { hasObjectOutput, toToolResult } from "./tool-result.ts";
import { assertScopeAllows, requestScopes } from "./tool-scope.ts";

type ToolExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/** The MCP hints of a studio tool's annotations. */
export function toMcpAnnotations(tool: Tool): ToolAnnotations {
  return {
    title: tool.title,
    readOnlyHint: tool.annotations.readOnly,
    destructiveHint: tool.annotations.destructive,
    idempotentHint: tool.annotations.idempotent,
    openWorldHint: tool.annotations.openWorld ?? false,
  };
}

/**
 * Registers each tool with its own zod schemas (the SDK derives the JSON Schemas from them), title,
 * description and hints. Calls run through `runTool` as the connection's user, with the request's scope.
 */
export function registerTools(
  server: McpServer,
  options: { tools: readonly Tool[]; deps: McpDeps; user: McpUser },
): void {
  const { deps, user } = options;
  const contextDeps: ToolContextDeps = {
    db: deps.database.db,
    storage: deps.storage,
    jobs: deps.jobs ?? unavailableJobQueue,
    logger: deps.logger,
    ffmpeg: deps.ffmpeg,
    ...(deps.services ? { services: deps.services } : {}),
  };
  for (const tool of options.tools) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.inputSchema,
        ...(hasObjectOutput(tool) ? { outputSchema: tool.outputSchema } : {}),
        annotations: toMcpAnnotations(tool),
      },
      async (input: Record<string, unknown>, extra: ToolExtra): Promise<CallToolResult> => {
        try {
          assertScopeAllows(tool, requestScopes(extra.authInfo, user.scope));
          const context = createToolContext(contextDeps, { userId: user.id, signal: extra.signal });
          const progressToken = extra._meta?.progressToken;
          if (!tool.annotations.longRunning || progressToken === undefined || !deps.jobs) {
            return toToolResult(tool, await runTool(tool, context, input));
          }
          let progressSent = false;
          const { output, job } = await followJob({
            jobs: deps.jobs,
            userId: user.id,
            start: () => runTool(tool, context, input),
            signal: extra.signal,
            logger: deps.logger,
            onProgress: (update) => {
              progressSent = true;
              return extra.sendNotification({
                method: "notifications/progress",
                params: { progressToken, ...update },
              });
            },
          });
          // The result retires the progress token, so the client must have handled every update first.
          if (progressSent) await progressHandledByClient(extra, deps.logger);
          return finishedJobResult(tool, output, job);
        } catch (error) {
          return toToolErrorResult(error, deps.logger);
        }
      },
    );
  }
}

/** A followed job's answer: the tool's handle with the final status, the job's result, and a link to it. */
function finishedJobResult(
  tool: Tool,
  output: unknown,
  job: Awaited<ReturnType<typeof followJob>>["job"],
): CallToolResult {
  const link = {
    type: "resource_link" as const,
    uri: resourceUris.job(job.jobId),
    name: `job ${job.jobId}`,
    mimeType: "application/json",
  };
  if (job.status !== "succeeded" || !isFinished(job)) {
    const reason = job.error ? `${job.error.message} (${job.error.code})` : "it was cancelled";
    return {
      isError: true,
      content: [
        { type: "text", text: `The ${tool.name} job ${job.jobId} ended ${job.status}: ${reason}` },
        link,
      ],
    };
  }
  const withStatus = { ...(output as Record<string, unknown>), status: job.status };
  const handle = tool.outputSchema.safeParse(withStatus).success ? withStatus : output;
  const summary = { type: "text" as const, text: `Job result:\n${JSON.stringify(job.output, null, 2)}` };
  return toToolResult(tool, handle, [summary, link]);
}
