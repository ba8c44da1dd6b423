import type { ToolCard } from "../card-types.ts";

/** Cards for the color tools, by tool name; the card registry includes them. */
export const colorCards: Record<string, ToolCard> = {};
