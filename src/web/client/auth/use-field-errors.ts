import { useState } from "react";
import { ApiError } from "../lib/api.ts";
import { type AuthField, fieldOf } from "./auth-client.ts";

/**
 * Holds a form's per-field errors and whether its request is under way; `run` sends the request and turns a
 * thrown error into one next to the right field.
 */
export function useFieldErrors() {
  const [errors, setErrors] = useState<Partial<Record<AuthField, string>>>({});
  const [lastError, setLastError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const fromError = (error: unknown) => {
    const apiError =
      error instanceof ApiError
        ? error
        : new ApiError({ status: 0, code: "unknown", message: "Something went wrong. Try again." });
    setLastError(apiError);
    setErrors({ [fieldOf(apiError)]: apiError.message });
  };
  return {
    errors,
    lastError,
    busy,
    clear: () => {
      setErrors({});
      setLastError(null);
    },
    set: (field: AuthField, message: string) => setErrors((current) => ({ ...current, [field]: message })),
    fromError,
    /** Runs the form's request, busy meanwhile; a failure is shown next to its field. */
    run: async (request: () => Promise<void>) => {
      setBusy(true);
      try {
        await request();
      } catch (error) {
        fromError(error);
      } finally {
        setBusy(false);
      }
    },
  };
}
