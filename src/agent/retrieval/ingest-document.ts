import type { UserScope } from "../../db/rls.ts";
import type { Embedder } from "../../providers/embeddings/index.ts";
import type { ChunkDraft, ChunkSizes, ChunkSource } from "./chunk-draft.ts";
import { chunkScreenplay } from "./chunk-screenplay.ts";
import { chunkText } from "./chunk-text.ts";
import { embedPassages } from "./embed-chunks.ts";
import { type DocumentInput, type ParsedDocument, parseDocument } from "./parse-document.ts";
import { planIngestion, storeChunks } from "./store-chunks.ts";

/**
 * The chunk step: screenplays one scene per passage, other text by paragraphs. Labels start with the
 * source's label so every passage found says where it came from.
 */
export function chunkDocument(input: {
  document: ParsedDocument;
  source: ChunkSource;
  sizes?: ChunkSizes;
}): ChunkDraft[] {
  const sizes = input.sizes ? { sizes: input.sizes } : {};
  return input.document.kind === "screenplay"
    ? chunkScreenplay({
        screenplay: input.document.screenplay,
        pages: input.document.pages,
        sourceLabel: input.source.label,
        ...sizes,
      })
    : chunkText({ text: input.document.text, sourceLabel: input.source.label, ...sizes });
}

/** What one ingestion did. */
export type IngestResult = {
  source: ChunkSource;
  embeddingModel: string;
  chunks: number;
  /** Passages embedded by this run (new or changed text). */
  embedded: number;
  /** Passages that kept their stored embedding (same text, same model). */
  reused: number;
  deleted: number;
  /** Nothing changed since the last ingestion of this source; nothing was written. */
  unchanged: boolean;
};

export type IngestDocumentInput = {
  scope: UserScope;
  embedder: Embedder;
  projectId: string;
  source: ChunkSource;
  sizes?: ChunkSizes;
  signal?: AbortSignal;
} & DocumentInput;

/**
 * Indexes one document of a project in one call: parse → chunk → plan → embed → store (each step a
 * function returning data, for a durable job to run as separate steps). Running it again with the same
 * content changes nothing; changed content replaces the source's previous chunks.
 */
export async function ingestDocument(input: IngestDocumentInput): Promise<IngestResult> {
  const document = await parseDocument(
    "text" in input ? { text: input.text } : { screenplay: input.screenplay },
  );
  const drafts = chunkDocument({
    document,
    source: input.source,
    ...(input.sizes ? { sizes: input.sizes } : {}),
  });
  const embeddingModel = input.embedder.id;
  const plan = await planIngestion(input.scope, {
    projectId: input.projectId,
    source: input.source,
    drafts,
    embeddingModel,
  });
  const summary = { source: input.source, embeddingModel, chunks: drafts.length };
  if (plan.unchanged) return { ...summary, embedded: 0, reused: drafts.length, deleted: 0, unchanged: true };
  const wanted = new Set(plan.toEmbed);
  const embeddings = await embedPassages({
    embedder: input.embedder,
    passages: drafts.filter((draft) => wanted.has(draft.contentHash)),
    ...(input.signal ? { signal: input.signal } : {}),
  });
  const stored = await storeChunks(input.scope, {
    projectId: input.projectId,
    source: input.source,
    drafts,
    embeddings,
    embeddingModel,
  });
  return {
    ...summary,
    embedded: Object.keys(embeddings).length,
    reused: stored.reused,
    deleted: stored.deleted,
    unchanged: false,
  };
}
