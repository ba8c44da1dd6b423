import { buffer } from "node:stream/consumers";
import type { UserScope } from "../../db/rls.ts";
import type { StoredFile } from "../../db/schema/files.ts";
import { decodeText } from "../../lib/decode-text.ts";
import type { BlobStorage } from "../../storage/blob-storage.ts";
import type { IngestResult } from "./ingest-document.ts";
import type { RetrievalService } from "./retrieval-service.ts";

export type IndexOutcome = { indexed: true; chunks: number } | { indexed: false; reason: string };

/**
 * Makes a stored text file searchable: screenplays (Fountain, FDX, PDF) by scene, other text by
 * paragraphs. Files that are not text are skipped; a file that cannot be read as text says why, and the
 * upload itself still stands.
 */
export async function indexStoredFile(input: {
  retrieval: RetrievalService;
  scope: UserScope;
  storage: BlobStorage;
  file: StoredFile;
}): Promise<IndexOutcome> {
  const { file } = input;
  if (file.kind !== "screenplay" && file.kind !== "document") {
    return { indexed: false, reason: `${file.kind} files are not indexed for search` };
  }
  const bytes = new Uint8Array(await buffer(input.storage.read(file.storageKey)));
  const source = { type: "file" as const, id: file.id, label: file.name };
  let result: IngestResult;
  try {
    result = await input.retrieval.ingest(input.scope, {
      projectId: file.projectId,
      source,
      ...(file.kind === "screenplay"
        ? { screenplay: { bytes, fileName: file.name } }
        : { text: decodeText(bytes) ?? new TextDecoder().decode(bytes) }),
    });
  } catch (error) {
    return { indexed: false, reason: error instanceof Error ? error.message : "it could not be read" };
  }
  return { indexed: true, chunks: result.chunks };
}
