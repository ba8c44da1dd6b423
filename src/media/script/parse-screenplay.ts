import { AppError } from "../../lib/errors.ts";
import { detectFormat } from "./detect-format.ts";
import { parseFdx } from "./fdx/parse-fdx.ts";
import { parseFountain } from "./fountain/parse-fountain.ts";
import { parsePdf } from "./pdf/parse-pdf.ts";
import { parsePlainText } from "./plain-text/parse-plain-text.ts";
import type { Screenplay } from "./screenplay-model.ts";

/**
 * The largest screenplay the engine reads: 20 MB, the default screenplay upload limit. A feature script is
 * well under 1 MB as text and a few MB as PDF; anything bigger is not one script, and would hold a worker for nothing.
 */
export const maxScreenplayBytes = 20 * 1024 * 1024;

/** Refuses a screenplay over `maxScreenplayBytes` with a message a person can act on. */
export function assertScreenplaySize(sizeBytes: number, fileName: string): void {
  if (sizeBytes <= maxScreenplayBytes) return;
  throw new AppError(
    "payload_too_large:screenplay",
    `"${fileName}" is ${(sizeBytes / 1024 / 1024).toFixed(1)} MB; a screenplay can be at most ${maxScreenplayBytes / 1024 / 1024} MB. Upload the script alone (Fountain, Final Draft .fdx, PDF or text), not a bundle of files or scans.`,
  );
}

/**
 * Reads an uploaded screenplay (Fountain, Final Draft FDX, PDF with a text layer, or plain text),
 * choosing the parser from the content and the file name, into the one screenplay model.
 * Throws `AppError` (`unprocessable:screenplay`, `unsupported_media_type:screenplay`,
 * `payload_too_large:screenplay`) for files it cannot read.
 */
export async function parseScreenplay(input: { bytes: Uint8Array; fileName: string }): Promise<Screenplay> {
  assertScreenplaySize(input.bytes.length, input.fileName);
  const { format, text } = detectFormat(input.bytes, input.fileName);
  const screenplay =
    format === "pdf"
      ? await parsePdf(input.bytes)
      : format === "fdx"
        ? parseFdx(text)
        : format === "fountain"
          ? parseFountain(text)
          : parsePlainText(text);
  const readable = screenplay.elements.some(
    (element) => element.type !== "page_break" && element.text.trim() !== "",
  );
  if (!readable) {
    throw new AppError("unprocessable:screenplay", `No screenplay text was found in "${input.fileName}".`);
  }
  return screenplay;
}
