import { decodeText, startsWith } from "../../lib/decode-text.ts";
import { AppError } from "../../lib/errors.ts";

/** The screenplay formats the engine reads. */
export type ScreenplayFormat = "fountain" | "fdx" | "pdf" | "text";

const signatures: Array<{ bytes: number[]; name: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], name: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: "a GIF image" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: "a ZIP archive (a Word .docx or a zipped folder)" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: "an old Microsoft Office document" },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: "an RTF document" },
  { bytes: [0x1f, 0x8b], name: "a gzip archive" },
];

/**
 * Decides how to read an upload from its content first and its extension second, refusing empty
 * and binary files with a message that says what the file is and what to upload instead.
 */
export function detectFormat(
  bytes: Uint8Array,
  fileName: string,
): { format: ScreenplayFormat; text: string } {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  if (bytes.length === 0)
    throw new AppError(
      "unprocessable:screenplay",
      `"${fileName}" is empty. Upload a screenplay (Fountain, Final Draft .fdx, PDF or text).`,
    );
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { format: "pdf", text: "" };
  const known = signatures.find((signature) => startsWith(bytes, signature.bytes));
  const text = known ? null : decodeText(bytes);
  if (text === null) {
    throw new AppError(
      "unsupported_media_type:screenplay",
      `"${fileName}" is ${known?.name ?? "binary data"}, not a screenplay${extension ? ` (whatever its .${extension} name says)` : ""}. Upload a Fountain, Final Draft (.fdx), PDF or plain-text script.`,
    );
  }
  if (text.trim() === "")
    throw new AppError(
      "unprocessable:screenplay",
      `"${fileName}" holds only blank space. Upload a screenplay with text in it.`,
    );
  if (extension === "fdx" || /^\s*(?:<\?xml[^>]*>\s*)?<FinalDraft[\s>]/.test(text))
    return { format: "fdx", text };
  if (extension === "fountain" || extension === "spmd") return { format: "fountain", text };
  return { format: "text", text };
}
