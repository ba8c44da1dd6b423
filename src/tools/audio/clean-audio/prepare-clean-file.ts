import path from "node:path";
import type { StoredFile } from "../../../db/schema/files.ts";
import { AppError } from "../../../lib/errors.ts";
import type { OutputFormat } from "../../../media/audio/index.ts";
import type { FfmpegPaths } from "../../../media/ffmpeg/run.ts";
import { cleanedFileType, rewritableVideoExtensions } from "../output-format.ts";
import { cleanCredits, probeAudioSource } from "../probe-audio-source.ts";
import type { CleanAudioJobInput } from "./clean-audio-input.ts";

/**
 * Checks and prices one file of a clean before anything is reserved, and settles its output: by default a
 * video comes back as the same video, audio as 24-bit WAV. Throws a client-fault `AppError` naming the file.
 */
export async function prepareCleanFile(input: {
  paths: FfmpegPaths;
  path: string;
  file: StoredFile;
  format: OutputFormat | undefined;
}): Promise<CleanAudioJobInput["files"][number]> {
  const { file } = input;
  const source = await probeAudioSource({ paths: input.paths, path: input.path, file });
  const format: OutputFormat =
    input.format ?? (source.hasVideo ? { container: "video" } : { container: "wav", bitDepth: 24 });
  if (format.container === "video") {
    if (!source.hasVideo) {
      throw new AppError(
        "bad_request:format",
        `"${file.name}" has no picture to put the cleaned audio back into; choose an audio format (wav, flac, mp3, m4a).`,
      );
    }
    const extension = path.extname(file.name).toLowerCase();
    if (!rewritableVideoExtensions.has(extension)) {
      throw new AppError(
        "bad_request:format",
        `"${file.name}" cannot be written back as ${extension || "this"} video; choose an audio format, or convert it to MP4, MOV or MKV first.`,
      );
    }
  }
  return {
    fileId: file.id,
    name: file.name,
    credits: cleanCredits(source.durationSeconds),
    output: cleanedFileType({
      sourceName: file.name,
      sourceMimeType: file.mimeType,
      format,
      suffix: "cleaned",
    }),
    format,
  };
}
