import type { z } from "zod";
import { AppError } from "../lib/errors.ts";
import type { Tool, ToolContext } from "./tool.ts";

/**
 * Runs a tool as every surface does: fills a missing `projectId` from the conversation's project,
 * validates the input (a 400-class error naming each field), executes, and validates the output.
 */
export async function runTool(tool: Tool, context: ToolContext, rawInput: unknown): Promise<unknown> {
  const input = parseToolInput(tool, context, rawInput);
  const output = await tool.execute(context, input);
  const checked = tool.outputSchema.safeParse(output);
  if (!checked.success) {
    throw new AppError("internal:tool_output", `The ${tool.name} tool produced an unexpected result.`, {
      cause: checked.error,
    });
  }
  return checked.data;
}

/** The validated input of a call, with the conversation's project filled in where the tool takes one. */
export function parseToolInput(tool: Tool, context: Pick<ToolContext, "projectId">, rawInput: unknown) {
  const candidate = { ...(typeof rawInput === "object" && rawInput !== null ? rawInput : {}) } as Record<
    string,
    unknown
  >;
  if ("projectId" in tool.inputSchema.shape && candidate.projectId === undefined && context.projectId) {
    candidate.projectId = context.projectId;
  }
  const result = tool.inputSchema.safeParse(candidate);
  if (!result.success) {
    throw new AppError(
      "bad_request:tool_input",
      `Invalid input for ${tool.name}: ${describeIssues(result.error)}`,
      {
        details: { issues: result.error.issues.map(({ path, message }) => ({ path, message })) },
      },
    );
  }
  return result.data;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.join(".") || "input";
      return issue.code === "invalid_type" && issue.input === undefined
        ? `${field} is required`
        : `${field}: ${issue.message}`;
    })
    .join("; ");
}
