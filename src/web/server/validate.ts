import type { z } from "zod";
import { AppError } from "../../lib/errors.ts";

/** Parses request input with a zod schema; a failure is a 400 listing each field and what it needs. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`);
  throw new AppError("bad_request:input", `Invalid input. ${problems.join("; ")}`, {
    details: { issues: result.error.issues.map(({ path, message }) => ({ path, message })) },
  });
}
