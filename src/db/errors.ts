/** PostgreSQL error codes the studio turns into answers (https://www.postgresql.org/docs/15/errcodes-appendix.html). */
export const postgresErrors = {
  /** A row failed a row-level security WITH CHECK: it points at something the caller cannot see. */
  insufficientPrivilege: "42501",
} as const;

/** The SQLSTATE of a database error, looked up through the wrappers (drizzle puts the driver's in `cause`). */
export function postgresErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
