import { NonRetriableError } from "inngest";
import type { JobErrorRecord } from "../db/schema/jobs.ts";
import { AppError, type ErrorCode, type ErrorKind, errorKinds, isAppError } from "../lib/errors.ts";

/**
 * Makes an error thrown inside a step permanent when retrying cannot help: an `AppError` client fault (bad
 * input, missing file) becomes a `NonRetriableError` carrying it as its cause, on either engine.
 */
export function toStepError(error: unknown): unknown {
  if (isAppError(error) && error.isClientFault) {
    return new NonRetriableError(error.message, { cause: new ClientFault(error) });
  }
  return error;
}

/**
 * A client fault as it survives the SDK's error serialization, which keeps only `name`, `message`, `stack`
 * and `cause`: the error code rides in the name.
 */
class ClientFault extends Error {
  constructor(error: AppError) {
    super(error.message);
    this.name = `${clientFaultPrefix}${error.code}]`;
  }
}

const clientFaultPrefix = "ClientFault[";

type SerializedError = { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };

/** The error a user sees for a failed job: the client fault that caused it, or what to do next. */
export function describeJobFailure(error: unknown, attempts: number): JobErrorRecord {
  const chain = causeChain(error);
  for (const link of chain) {
    const name = typeof link.name === "string" ? link.name : "";
    const code =
      typeof link.code === "string"
        ? link.code
        : name.startsWith(clientFaultPrefix)
          ? name.slice(clientFaultPrefix.length, -1)
          : undefined;
    if (code && isErrorCode(code) && errorKinds[kindOf(code)] < 500) {
      return { code, message: String(link.message ?? "The job's input was refused.") };
    }
  }
  const first = chain[0];
  const message = typeof first?.message === "string" && first.message ? first.message : "unknown error";
  if (chain.some((link) => link.name === "NonRetriableError")) {
    return { code: "unprocessable:job", message: `${message}. Check the job's input and start it again.` };
  }
  const tries = attempts === 1 ? "1 attempt" : `${attempts} attempts`;
  return {
    code: "internal:job",
    message: `The job failed after ${tries}: ${message}. Retry it; if it keeps failing, tell us.`,
  };
}

function causeChain(error: unknown): SerializedError[] {
  const chain: SerializedError[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === "object"; depth++) {
    chain.push(current as SerializedError);
    current = (current as SerializedError).cause;
  }
  return chain;
}

function kindOf(code: ErrorCode): ErrorKind {
  return code.slice(0, code.indexOf(":")) as ErrorKind;
}

function isErrorCode(value: string): value is ErrorCode {
  const kind = value.slice(0, value.indexOf(":"));
  return value.includes(":") && kind in errorKinds;
}

/** The error for a job the caller may not see or that does not exist. */
export function jobNotFound(): AppError {
  return new AppError("not_found:job", "No such job. List your jobs to find the right id.");
}
