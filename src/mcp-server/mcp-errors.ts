import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { AppError, type ErrorKind, isAppError } from "../lib/errors.ts";
import type { Logger } from "../lib/logger.ts";

/** What a person (or the model acting for them) can do next, by kind, when the message alone may not say. */
const nextSteps: Partial<Record<ErrorKind, string>> = {
  unauthorized: "Create a new personal access token in the studio and give it to this MCP client.",
  forbidden: "Use a token with the read-write scope for tools that change things.",
  payment_required: "Buy credits in the studio, or choose a cheaper option.",
  rate_limited: "Wait a minute, then try again.",
  unavailable: "This part of the studio is not running here; ask whoever runs the studio to enable it.",
};

/** The one place errors become MCP answers: a tool error result with a message that says what to do. */
export function toToolErrorResult(error: unknown, logger: Logger): CallToolResult {
  const appError = toAppError(error, logger);
  return {
    isError: true,
    content: [{ type: "text", text: describe(appError) }],
    _meta: { "nollyai/error": { code: appError.code } },
  };
}

/** The same mapping for resources and prompts, which answer with JSON-RPC errors rather than results. */
export function toMcpError(error: unknown, logger: Logger): McpError {
  if (error instanceof McpError) return error;
  const appError = toAppError(error, logger);
  const code =
    appError.kind === "not_found"
      ? -32002 // "resource not found" in the MCP specification
      : appError.isClientFault
        ? ErrorCode.InvalidParams
        : ErrorCode.InternalError;
  return new McpError(code, describe(appError), { code: appError.code });
}

function toAppError(error: unknown, logger: Logger): AppError {
  const appError = isAppError(error)
    ? error
    : new AppError(
        "internal:mcp",
        "Something went wrong on our side. Try again; if it keeps failing, tell us.",
        {
          cause: error,
        },
      );
  if (!appError.isClientFault) logger.error({ err: error, code: appError.code }, "MCP request failed");
  return appError;
}

function describe(error: AppError): string {
  const next = nextSteps[error.kind];
  return `${error.message}${next && !error.message.includes(next) ? ` ${next}` : ""} (${error.code})`;
}
