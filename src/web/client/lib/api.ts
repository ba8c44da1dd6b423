/** An error from the studio API, with the server's code and a message a person can act on. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(input: { status: number; code: string; message: string }) {
    super(input.message);
    this.name = "ApiError";
    this.status = input.status;
    this.code = input.code;
  }
}

type ErrorBody = { error?: { code?: string; message?: string }; code?: string; message?: string };

/** Reads `{ error: { code, message } }` (studio API) or `{ code, message }` (better-auth) from a failed response. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // Not JSON (a proxy page, a dropped connection): fall back to the status below.
  }
  const code = body.error?.code ?? body.code ?? `http_${response.status}`;
  const message =
    body.error?.message ??
    body.message ??
    (response.status >= 500
      ? "The studio server had a problem. Try again in a moment."
      : `The request failed (HTTP ${response.status}).`);
  return new ApiError({ status: response.status, code, message });
}

/** Fetches JSON from the API; throws an `ApiError` with the server's message on failure. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? "GET",
      credentials: "same-origin",
      headers: init.body === undefined ? {} : { "Content-Type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch (cause) {
    throw new ApiError({
      status: 0,
      code: "network",
      message: `The studio could not be reached (${cause instanceof Error ? cause.message : "network error"}). Check your connection and try again.`,
    });
  }
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as T;
}

/** Whether an error means the endpoint is not there yet (a feature the server does not offer). */
export function isMissingEndpoint(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** Whether an error means the session is gone. */
export function isSignedOut(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}
