import { createHash } from "node:crypto";
import { z } from "zod";
import { chunkSourceTypes } from "../../db/schema/retrieval.ts";

/** Where a passage came from: a file, a breakdown, a note or a job result, with a label people recognise. */
export const chunkSourceSchema = z.object({
  type: z.enum(chunkSourceTypes),
  /** The file id, breakdown id, job id… Chunks of one source are replaced together. */
  id: z.string().min(1),
  /** Shown with every passage found: usually the file name. */
  label: z.string().min(1),
});
export type ChunkSource = z.infer<typeof chunkSourceSchema>;

/** A passage ready to embed: what the chunking step returns (plain data, so a durable step can store it). */
export type ChunkDraft = {
  ordinal: number;
  /** `big-fish.fountain — Scene 12: INT. BLOOM HOUSE - NIGHT`. */
  label: string;
  content: string;
  /** SHA-256 of the content: an unchanged passage keeps its embedding on re-ingestion. */
  contentHash: string;
  metadata: Record<string, unknown>;
};

/** Hex SHA-256 of a passage's text. */
export function hashContent(content: string): string {
  return createHash("sha256").update(content).digest("hex");
}

/** Sizes for chunking: the longest passage and how much of a passage is repeated at the start of the next. */
export type ChunkSizes = { maxCharacters: number; overlapCharacters: number };

export const defaultChunkSizes: ChunkSizes = { maxCharacters: 1500, overlapCharacters: 200 };
