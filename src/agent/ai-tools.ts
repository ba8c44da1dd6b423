import { type Schema, type ToolSet, tool, zodSchema } from "ai";
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
    set[registered.name] = tool({
      description: registered.description,
      inputSchema: modelInputSchema(registered, { projectKnown: Boolean(input.context.projectId) }),
      needsApproval: (toolInput: unknown) =>
        registered.annotations.destructive ||
        costOfSafely(registered, toolInput) > input.approvalCreditThreshold,
      execute: (toolInput: unknown) => runTool(registered, input.context, toolInput),
    });
  }
  return set;
}

type ModelSchemas = { projectKnown?: Schema; projectAsked?: Schema };

// Converting a zod schema to the JSON schema sent to the model is the costliest part of a turn's set-up;
// an AI SDK schema converts once and keeps the result, so each tool's two variants are made once per process.
const schemaCache = new WeakMap<Tool, ModelSchemas>();

function modelInputSchema(registered: Tool, options: { projectKnown: boolean }): Schema {
  const cached = schemaCache.get(registered) ?? {};
  schemaCache.set(registered, cached);
  const takesProject = "projectId" in registered.inputSchema.shape;
  if (takesProject && options.projectKnown) {
    cached.projectKnown ??= zodSchema(
      registered.inputSchema.extend({ projectId: projectIdInput.optional() }),
    );
    return cached.projectKnown;
  }
  cached.projectAsked ??= zodSchema(registered.inputSchema);
  return cached.projectAsked;
}

function costOfSafely(registered: Tool, toolInput: unknown): number {
  const parsed = registered.inputSchema.safeParse(toolInput);
  return parsed.success ? costOf(registered, parsed.data) : 0;
}
