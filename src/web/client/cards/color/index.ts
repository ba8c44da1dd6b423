import type { ToolCard } from "../card-types.ts";
import { GradeMediaCard } from "./grade-media-card.tsx";
import { PreviewGradeCard } from "./preview-grade-card.tsx";

/** Cards for the color tools, by tool name; the card registry includes them. */
export const colorCards: Record<string, ToolCard> = {
  "preview-grade": PreviewGradeCard,
  "grade-media": GradeMediaCard,
};
