import type { ToolCard } from "../card-types.ts";

/** Cards for the script tools, by tool name; the card registry includes them. */
export const scriptCards: Record<string, ToolCard> = {};
