/** PostgreSQL error codes the studio turns into answers (https://www.postgresql.org/docs/15/errcodes-appendix.html). */
export const postgresErrors = {
  /** A row failed a row-level security WITH CHECK: it points at something the caller cannot see. */
  insufficientPrivilege: "42501",
  /** `RAISE EXCEPTION` in the studio's own SQL functions: the message is the refusal's code. */
  raisedException: "P0001",
} as const;

/** What the database said, as both drivers report it. */
export type PostgresError = { code: string; message: string; detail?: string };

/** The database error behind `error`, looked up through the wrappers (drizzle puts the driver's in `cause`). */
export function postgresError(error: unknown): PostgresError | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, message, detail } = current as { code?: unknown; message?: unknown; detail?: unknown };
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) {
      return {
        code,
        message: typeof message === "string" ? message : "",
        ...(typeof detail === "string" ? { detail } : {}),
      };
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The SQLSTATE of a database error, if `error` is one. */
export function postgresErrorCode(error: unknown): string | undefined {
  return postgresError(error)?.code;
}
