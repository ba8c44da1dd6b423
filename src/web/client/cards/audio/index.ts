import type { ToolCard } from "../card-types.ts";
import { AnalyzeAudioCard } from "./analyze-audio-card.tsx";
import { CleanAudioCard } from "./clean-audio-card.tsx";
import { PreviewCleanCard } from "./preview-clean-card.tsx";

/** Cards for the audio tools, by tool name; the card registry includes them. */
export const audioCards: Record<string, ToolCard> = {
  "analyze-audio": AnalyzeAudioCard,
  "preview-clean": PreviewCleanCard,
  "clean-audio": CleanAudioCard,
};
