import { type ToolSet, tool } from "ai";
import { runTool } from "../tools/run-tool.ts";
import { projectIdInput } from "../tools/shared-schemas.ts";
import { costOf, type Tool, type ToolContext } from "../tools/tool.ts";

/**
 * The registry as AI SDK tools for one caller. A tool that takes a `projectId` may leave it out when the
 * conversation has a project (it is filled in); destructive tools and any call costing more than the
 * threshold wait for the user's approval through the AI SDK's tool-approval flow.
 */
export function toAiTools(input: {
  tools: readonly Tool[];
  context: ToolContext;
  approvalCreditThreshold: number;
}): ToolSet {
  const set: ToolSet = {};
  for (const registered of input.tools) {
    const takesProject = "projectId" in registered.inputSchema.shape;
    const inputSchema =
      takesProject && input.context.projectId
        ? registered.inputSchema.extend({ projectId: projectIdInput.optional() })
        : registered.inputSchema;
    set[registered.name] = tool({
      description: registered.description,
      inputSchema,
      needsApproval: (toolInput: unknown) =>
        registered.annotations.destructive ||
        costOfSafely(registered, toolInput) > input.approvalCreditThreshold,
      execute: (toolInput: unknown) => runTool(registered, input.context, toolInput),
    });
  }
  return set;
}

function costOfSafely(registered: Tool, toolInput: unknown): number {
  const parsed = registered.inputSchema.safeParse(toolInput);
  return parsed.success ? costOf(registered, parsed.data) : 0;
}
