import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { Tool } from "../tools/tool.ts";

/** True when a tool's output schema is an object, which MCP can declare as `outputSchema`. */
export function hasObjectOutput(tool: Pick<Tool, "outputSchema">): tool is { outputSchema: z.ZodObject } {
  return tool.outputSchema instanceof z.ZodObject;
}

/**
 * A successful tool result: `structuredContent` for clients that read the output schema, and the same JSON
 * as text for those that do not (as the MCP specification recommends), plus any extra parts.
 */
export function toToolResult(
  tool: Pick<Tool, "outputSchema">,
  output: unknown,
  extra: CallToolResult["content"] = [],
): CallToolResult {
  const text = JSON.stringify(output, null, 2) ?? "null";
  return {
    content: [{ type: "text", text }, ...extra],
    ...(hasObjectOutput(tool) ? { structuredContent: output as Record<string, unknown> } : {}),
  };
}
