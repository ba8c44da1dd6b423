import type { ReadResourceResult } from "@modelcontextprotocol/sdk/types.js";
import { unavailableJobQueue } from "../jobs/unavailable-job-queue.ts";
import { AppError } from "../lib/errors.ts";
import { createToolContext } from "../tools/context.ts";
import { findTool } from "../tools/index.ts";
import { runTool } from "../tools/run-tool.ts";
import type { McpDeps, McpUser } from "./mcp-deps.ts";
import { toMcpError } from "./mcp-errors.ts";

/** What a resource reader works with: the caller, and the registry's read-only tools run as the caller. */
export type ResourceContext = {
  deps: McpDeps;
  user: McpUser;
  /** Runs a registry tool as the caller, so resources see exactly what the tools may see. */
  runTool(name: string, input: unknown): Promise<unknown>;
};

/** Builds the resource context of one connection. */
export function createResourceContext(deps: McpDeps, user: McpUser): ResourceContext {
  const context = createToolContext(
    {
      db: deps.database.db,
      storage: deps.storage,
      jobs: deps.jobs ?? unavailableJobQueue,
      logger: deps.logger,
      ffmpeg: deps.ffmpeg,
    },
    { userId: user.id },
  );
  return {
    deps,
    user,
    runTool(name, input) {
      const tool = findTool(name);
      if (!tool?.annotations.readOnly) {
        throw new AppError(
          "internal:mcp_resource",
          `Resources read through read-only tools; ${name} is not one.`,
        );
      }
      return runTool(tool, context, input);
    },
  };
}

/** A resource answer holding one JSON document. */
export function jsonContents(uri: URL | string, value: unknown): ReadResourceResult {
  return {
    contents: [{ uri: String(uri), mimeType: "application/json", text: JSON.stringify(value, null, 2) }],
  };
}

/** Runs a resource callback, turning failures into MCP errors in the one shared way. */
export async function answering<T>(deps: McpDeps, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toMcpError(error, deps.logger);
  }
}

/** A template variable as one string (the SDK gives arrays for exploded variables). */
export function variable(value: string | string[] | undefined): string {
  return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
}
