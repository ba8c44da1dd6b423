import { randomUUID } from "node:crypto";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** A new random id for rows the studio creates. */
export function newId(): string {
  return randomUUID();
}

/** True when `value` is a well-formed UUID; malformed ids are answered as "not found", never sent to SQL. */
export function isId(value: unknown): value is string {
  return typeof value === "string" && uuidPattern.test(value);
}
