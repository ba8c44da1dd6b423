import { AppError } from "../../lib/errors.ts";
import { type CleanOptions, cleanOptionsSchema } from "../../media/audio/index.ts";
import { type CleanChoices, toCleanOptions } from "./clean-request-input.ts";

/** The engine's options for a call's choices, checked before anything runs or is reserved. */
export function parseCleanOptions(choices: CleanChoices): CleanOptions {
  const parsed = cleanOptionsSchema.safeParse(toCleanOptions(choices));
  if (!parsed.success) {
    throw new AppError(
      "bad_request:options",
      `Invalid cleaning options: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
    );
  }
  return parsed.data;
}
