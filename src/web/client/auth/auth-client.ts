import { ApiError, errorFromResponse } from "../lib/api.ts";

/** The form field a better-auth error belongs to, so it is shown next to that field. */
export type AuthField = "name" | "email" | "password" | "form";

const fieldOfCode: Record<string, AuthField> = {
  USER_ALREADY_EXISTS: "email",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "email",
  INVALID_EMAIL: "email",
  USER_NOT_FOUND: "email",
  PASSWORD_TOO_SHORT: "password",
  PASSWORD_TOO_LONG: "password",
  PASSWORD_REJECTED: "password",
  INVALID_PASSWORD: "password",
  INVALID_EMAIL_OR_PASSWORD: "password",
};

/** Where an auth error is shown; by the code first, then by words in the message. */
export function fieldOf(error: ApiError): AuthField {
  const known = fieldOfCode[error.code];
  if (known) return known;
  const text = error.message.toLowerCase();
  if (text.includes("password")) return "password";
  if (text.includes("email") || text.includes("e-mail")) return "email";
  if (text.includes("name")) return "name";
  return "form";
}

/** Calls a better-auth endpoint (same origin, so its Origin check passes). */
export async function authRequest<T = unknown>(path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/auth/${path}`, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body ?? {}),
    });
  } catch {
    throw new ApiError({
      status: 0,
      code: "network",
      message: "The studio could not be reached. Check your connection and try again.",
    });
  }
  if (!response.ok) {
    const error = await errorFromResponse(response);
    if (response.status === 429) {
      throw new ApiError({
        ...error,
        status: 429,
        code: error.code,
        message: "Too many attempts. Wait a minute, then try again.",
      });
    }
    throw error;
  }
  return (await response.json().catch(() => ({}))) as T;
}
