/**
 * The one error type of the studio. `code` is `"<kind>:<subject>"`, for example `"not_found:project"`;
 * the kind decides how each surface (HTTP, MCP, chat) reports it, in one place each.
 */
export const errorKinds = {
  bad_request: 400,
  unauthorized: 401,
  payment_required: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorKind = keyof typeof errorKinds;
export type ErrorCode = `${ErrorKind}:${string}`;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.details = options.details;
  }

  get kind(): ErrorKind {
    return this.code.slice(0, this.code.indexOf(":")) as ErrorKind;
  }

  get status(): number {
    return errorKinds[this.kind];
  }

  /** A client fault: the caller can fix it, so it is neither retried nor logged as a server error. */
  get isClientFault(): boolean {
    return this.status < 500;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
