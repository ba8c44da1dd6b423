import type { UserScope } from "../../db/rls.ts";
import type { Embedder } from "../../providers/embeddings/index.ts";
import type { ProjectSearchService } from "../../tools/search-project.ts";
import type { ChunkSizes } from "./chunk-draft.ts";
import { type IngestDocumentInput, type IngestResult, ingestDocument } from "./ingest-document.ts";
import { reembedProject } from "./reembed-project.ts";
import { type SearchProjectInput, type SearchProjectResult, searchProject } from "./search-project.ts";

/** The input without what the service supplies; distributes over unions (text or screenplay). */
type Bound<Input> = Input extends unknown ? Omit<Input, "scope" | "embedder"> : never;

/**
 * Retrieval bound to the configured embedder: what the agent, the upload path and the `search-project`
 * tool use. Every call takes the caller's `UserScope`, so RLS decides what it can read and write.
 */
export type RetrievalService = {
  embedder: Embedder;
  search(scope: UserScope, input: Bound<SearchProjectInput>): Promise<SearchProjectResult>;
  ingest(scope: UserScope, input: Bound<IngestDocumentInput>): Promise<IngestResult>;
  reembed(
    scope: UserScope,
    input: { projectId: string; signal?: AbortSignal },
  ): Promise<{ reembedded: number }>;
};

/** Builds the retrieval service around one embedder (see `createEmbedder` for choosing it from config). */
export function createRetrievalService(deps: {
  embedder: Embedder;
  chunkSizes?: ChunkSizes;
}): RetrievalService {
  const { embedder } = deps;
  const service: RetrievalService = {
    embedder,
    search: (scope, input) => searchProject({ ...input, scope, embedder }),
    ingest: (scope, input) =>
      ingestDocument({
        ...(deps.chunkSizes ? { sizes: deps.chunkSizes } : {}),
        ...input,
        scope,
        embedder,
      } as IngestDocumentInput),
    reembed: (scope, input) => reembedProject({ ...input, scope, embedder }),
  };
  return service satisfies ProjectSearchService;
}
