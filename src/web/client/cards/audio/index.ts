import type { ToolCard } from "../card-types.ts";

/** Cards for the audio tools, by tool name; the card registry includes them. */
export const audioCards: Record<string, ToolCard> = {};
