import type { ErrorRequestHandler } from "express";
import { AppError, isAppError } from "../../lib/errors.ts";

/** The one place errors become HTTP: `{ "error": { "code", "message" } }`, 4xx for client faults, 5xx logged. */
export function errorHandler(): ErrorRequestHandler {
  return (error, request, response, _next) => {
    const appError = toAppError(error);
    if (!appError.isClientFault) {
      request.log?.error({ err: error }, "request failed");
    }
    if (response.headersSent) {
      response.destroy();
      return;
    }
    response.status(appError.status).json({
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.details ? { details: appError.details } : {}),
      },
    });
  };
}

type HttpParserError = { type?: string; status?: number; expose?: boolean; message?: string };

function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const parserError = error as HttpParserError;
  if (parserError?.type === "entity.parse.failed") {
    return new AppError(
      "bad_request:json",
      "The request body is not valid JSON. Check quotes, commas and brackets.",
      {
        cause: error,
      },
    );
  }
  if (parserError?.type === "entity.too.large") {
    return new AppError("payload_too_large:body", "The request body is too large.", { cause: error });
  }
  if (parserError?.expose && typeof parserError.status === "number" && parserError.status < 500) {
    return new AppError("bad_request:request", parserError.message ?? "Bad request.", { cause: error });
  }
  return new AppError(
    "internal:server",
    "Something went wrong on our side. Try again; if it keeps failing, tell us.",
    {
      cause: error,
    },
  );
}
