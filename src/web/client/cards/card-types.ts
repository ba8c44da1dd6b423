import type { ComponentType } from "react";

/** What every tool card receives: the tool's name, its input, its output, and the project in view. */
export type ToolCardProps = {
  toolName: string;
  input: unknown;
  output: unknown;
  projectId?: string;
};

export type ToolCard = ComponentType<ToolCardProps>;

/** Narrows an unknown output to an object with the given keys (cards fall back to the generic view if not). */
export function hasKeys<Key extends string>(
  value: unknown,
  ...keyNames: Key[]
): value is Record<Key, unknown> {
  return typeof value === "object" && value !== null && keyNames.every((key) => key in value);
}
