import type { ToolCard } from "../card-types.ts";
import { BreakdownScriptCard } from "./breakdown-script-card.tsx";
import { CastReportCard } from "./cast-report-card.tsx";
import { FindElementsCard } from "./find-elements-card.tsx";
import { ScenesCard } from "./scenes-card.tsx";

/** Cards for the script tools, by tool name; the card registry includes them. */
export const scriptCards: Record<string, ToolCard> = {
  "breakdown-script": BreakdownScriptCard,
  "list-scenes": ScenesCard,
  "get-scene": ScenesCard,
  "correct-breakdown": ScenesCard,
  "find-elements": FindElementsCard,
  "get-cast-report": CastReportCard,
};
