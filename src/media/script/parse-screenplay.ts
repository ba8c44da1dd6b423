import { AppError } from "../../lib/errors.ts";
import { detectFormat } from "./detect-format.ts";
import { parseFdx } from "./fdx/parse-fdx.ts";
import { parseFountain } from "./fountain/parse-fountain.ts";
import { parsePdf } from "./pdf/parse-pdf.ts";
import { parsePlainText } from "./plain-text/parse-plain-text.ts";
import type { Screenplay } from "./screenplay-model.ts";

/**
 * Reads an uploaded screenplay (Fountain, Final Draft FDX, PDF with a text layer, or plain text),
 * choosing the parser from the content and the file name, into the one screenplay model.
 * Throws `AppError` (`unprocessable:screenplay`, `unsupported_media_type:screenplay`) for files it cannot read.
 */
export async function parseScreenplay(input: { bytes: Uint8Array; fileName: string }): Promise<Screenplay> {
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
