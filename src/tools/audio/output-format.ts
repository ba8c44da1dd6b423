import path from "node:path";
import type { OutputFormat } from "../../media/audio/index.ts";

const audioTypes = {
  wav: { extension: ".wav", mimeType: "audio/wav" },
  flac: { extension: ".flac", mimeType: "audio/flac" },
  mp3: { extension: ".mp3", mimeType: "audio/mpeg" },
  m4a: { extension: ".m4a", mimeType: "audio/mp4" },
} as const;

/** Video containers the cleaned track can be put back into (the engine picks the audio codec by extension). */
export const rewritableVideoExtensions = new Set([".mp4", ".m4v", ".mov", ".mkv", ".webm"]);

/** The name, kind and MIME type of a cleaned file, from its source and the chosen format. */
export function cleanedFileType(input: {
  sourceName: string;
  sourceMimeType: string;
  format: OutputFormat;
  suffix: string;
}): { name: string; kind: "audio" | "video"; mimeType: string } {
  const parsed = path.parse(input.sourceName);
  if (input.format.container === "video") {
    return {
      name: `${parsed.name}-${input.suffix}${parsed.ext}`,
      kind: "video",
      mimeType: input.sourceMimeType,
    };
  }
  const type = audioTypes[input.format.container];
  return { name: `${parsed.name}-${input.suffix}${type.extension}`, kind: "audio", mimeType: type.mimeType };
}
