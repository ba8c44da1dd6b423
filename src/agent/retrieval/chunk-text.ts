import { type ChunkDraft, type ChunkSizes, defaultChunkSizes, hashContent } from "./chunk-draft.ts";
import { packPassages } from "./pack-passages.ts";

/**
 * Plain text (notes, breakdowns, job results) in passages of whole paragraphs up to about 1,500
 * characters, overlapping at the boundaries; a paragraph longer than that is split at sentence ends.
 */
export function chunkText(input: { text: string; sourceLabel: string; sizes?: ChunkSizes }): ChunkDraft[] {
  const paragraphs = input.text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/[ \t]+/g, " ").trim())
    .filter((paragraph) => paragraph !== "");
  if (paragraphs.length === 0) return [];
  const parts = packPassages(paragraphs, input.sizes ?? defaultChunkSizes, { separator: "\n\n" });
  return parts.map((part, index) => {
    const content = part.join("\n\n");
    return {
      ordinal: index,
      label:
        parts.length > 1 ? `${input.sourceLabel} — part ${index + 1}/${parts.length}` : input.sourceLabel,
      content,
      contentHash: hashContent(content),
      metadata: { part: index + 1, parts: parts.length },
    };
  });
}
