import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { registerFileResources } from "./file-resources.ts";
import { registerJobResources } from "./job-resources.ts";
import type { McpDeps, McpUser } from "./mcp-deps.ts";
import { registerProjectResources } from "./project-resources.ts";
import { createResourceContext } from "./resource-context.ts";

/**
 * Every resource family of the `nollyai://` scheme (see `resource-uris.ts`).
 *
 * Extension point: a new family (breakdowns next: `nollyai://projects/{projectId}/breakdowns` and
 * `nollyai://breakdowns/{breakdownId}`) is one `register…Resources(server, context)` file, its URIs added
 * to `resource-uris.ts`, and one line here. Read through the registry's read-only tools where one exists,
 * so a resource never shows more than the tools may.
 */
export function registerResources(server: McpServer, deps: McpDeps, user: McpUser): void {
  const context = createResourceContext(deps, user);
  registerProjectResources(server, context);
  registerFileResources(server, context);
  if (deps.jobs) registerJobResources(server, context, deps.jobs);
}
