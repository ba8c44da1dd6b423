import type { UserScope } from "../../db/rls.ts";

/** What the breakdown job needs from retrieval (the agent's `RetrievalService` satisfies it). */
export type ProjectIngestService = {
  ingest(
    scope: UserScope,
    input: { projectId: string; source: { type: "breakdown"; id: string; label: string }; text: string },
  ): Promise<unknown>;
};
