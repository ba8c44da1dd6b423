import { audioCards } from "./audio/index.ts";
import type { ToolCard } from "./card-types.ts";
import { colorCards } from "./color/index.ts";
import { CreditsCard } from "./credits-card.tsx";
import { FileTextCard } from "./file-text-card.tsx";
import { FilesCard } from "./files-card.tsx";
import { GenericToolCard } from "./generic-tool-card.tsx";
import { JobCard } from "./job-card.tsx";
import { ProjectCard } from "./project-card.tsx";
import { ProjectDeletedCard } from "./project-deleted-card.tsx";
import { ProjectListCard } from "./project-list-card.tsx";
import { scriptCards } from "./script/index.ts";
import { SearchResultsCard } from "./search-results-card.tsx";

/**
 * Tool name → the card that shows its result. A media tool adds its card here; a tool without one is
 * shown by the generic card. A long tool whose output is a started job may use `JobCard`.
 */
export const cardRegistry: Record<string, ToolCard> = {
  "list-projects": ProjectListCard,
  "create-project": ProjectCard,
  "get-project": ProjectCard,
  "rename-project": ProjectCard,
  "delete-project": ProjectDeletedCard,
  "list-files": FilesCard,
  "get-file-text": FileTextCard,
  "search-project": SearchResultsCard,
  "get-credits": CreditsCard,
  ...scriptCards,
  ...colorCards,
  ...audioCards,
};

/** The card for a tool's result: its own, the job card when the output is a job, or the generic view. */
export function cardFor(toolName: string, output: unknown): ToolCard {
  const registered = cardRegistry[toolName];
  if (registered) return registered;
  if (typeof output === "object" && output !== null && ("jobId" in output || "job" in output)) return JobCard;
  return GenericToolCard;
}
