import { fileTypeFromBuffer } from "file-type";
import type { FileKind } from "../db/schema/files.ts";
import { decodeText, utf16ByteOrder } from "../lib/decode-text.ts";
import { AppError } from "../lib/errors.ts";

type TextCheck = { text: true; mimeType: string; looksRight: (text: string) => boolean; expected: string };
type BinaryCheck = { text: false; detected: readonly string[] };
type FileRule = { kind: FileKind } & (TextCheck | BinaryCheck);

const binary = (kind: FileKind, ...detected: string[]): FileRule => ({ kind, text: false, detected });
const text = (
  kind: FileKind,
  mimeType: string,
  expected: string,
  looksRight: (t: string) => boolean,
): FileRule => ({
  kind,
  text: true,
  mimeType,
  expected,
  looksRight,
});
const anyText = () => true;

/** Every accepted extension, the kind it files under and how its content is checked. */
export const fileRules: Record<string, FileRule> = {
  fountain: text("screenplay", "text/x-fountain", "Fountain text", anyText),
  spmd: text("screenplay", "text/x-fountain", "Fountain text", anyText),
  fdx: text("screenplay", "application/x-final-draft", "Final Draft XML", (t) => /<FinalDraft[\s>]/.test(t)),
  pdf: binary("screenplay", "pdf"),
  txt: text("document", "text/plain", "plain text", anyText),
  md: text("document", "text/markdown", "Markdown text", anyText),
  png: binary("image", "png"),
  jpg: binary("image", "jpg"),
  jpeg: binary("image", "jpg"),
  tif: binary("image", "tif"),
  tiff: binary("image", "tif"),
  webp: binary("image", "webp"),
  wav: binary("audio", "wav"),
  mp3: binary("audio", "mp3"),
  m4a: binary("audio", "m4a", "mp4"),
  aac: binary("audio", "aac"),
  flac: binary("audio", "flac"),
  ogg: binary("audio", "ogg", "oga", "opus"),
  opus: binary("audio", "opus", "ogg"),
  mp4: binary("video", "mp4", "m4v", "mov"),
  m4v: binary("video", "m4v", "mp4"),
  mov: binary("video", "mov", "mp4"),
  mkv: binary("video", "mkv"),
  webm: binary("video", "webm", "mkv"),
  avi: binary("video", "avi"),
  mxf: binary("video", "mxf"),
  glb: binary("model", "glb"),
  gltf: text("model", "model/gltf+json", "glTF JSON", (t) => /^\s*\{[\s\S]*"asset"\s*:/.test(t)),
  obj: text("model", "model/obj", "Wavefront OBJ", (t) => /^\s*v\s+-?[\d.]+\s+-?[\d.]+\s+-?[\d.]+/m.test(t)),
  cube: text("lut", "text/x-cube-lut", "a .cube LUT", (t) => /^\s*LUT_(3D|1D)_SIZE\s+\d+/m.test(t)),
};

/** The lower-case extension of a client file name, or "" when it has none. */
export function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName);
  return match ? match[1]!.toLowerCase() : "";
}

/** The rule for a file name, or a 415 naming the accepted extensions. */
export function ruleFor(fileName: string): FileRule & { extension: string } {
  const extension = extensionOf(fileName);
  const rule = fileRules[extension];
  if (!rule) {
    throw new AppError(
      "unsupported_media_type:file",
      `Files of type "${extension ? `.${extension}` : "(no extension)"}" are not supported. Accepted: ${Object.keys(
        fileRules,
      )
        .map((name) => `.${name}`)
        .join(", ")}.`,
    );
  }
  return { ...rule, extension };
}

/**
 * Checks that the first bytes of a file agree with its extension: magic bytes for binary formats, parsing
 * for text ones. Returns the MIME type to store, or throws a 415 that says what the content looked like.
 */
export async function verifyContent(
  fileName: string,
  head: Buffer,
): Promise<{ kind: FileKind; mimeType: string }> {
  const rule = ruleFor(fileName);
  if (head.length === 0) throw new AppError("unprocessable:file", `"${fileName}" is empty.`);
  const detected = await fileTypeFromBuffer(head);
  if (rule.text) {
    const decoded = decodeText(head, { partial: true });
    // A UTF-16 byte-order mark looks like an MPEG frame to the sniffer; the text decoded from it wins.
    const sniffCounts =
      detected && detected.ext !== "xml" && rule.extension !== "gltf" && !utf16ByteOrder(head);
    if (decoded === null || sniffCounts) {
      throw mismatch(fileName, rule.extension, detected?.ext ?? "binary data");
    }
    if (!rule.looksRight(decoded)) {
      throw new AppError("unsupported_media_type:file", `"${fileName}" does not look like ${rule.expected}.`);
    }
    return { kind: rule.kind, mimeType: rule.mimeType };
  }
  if (!detected || !rule.detected.includes(detected.ext)) {
    throw mismatch(
      fileName,
      rule.extension,
      detected?.ext ?? (decodeText(head, { partial: true }) !== null ? "text" : "unknown data"),
    );
  }
  return { kind: rule.kind, mimeType: detected.mime };
}

function mismatch(fileName: string, extension: string, found: string): AppError {
  return new AppError(
    "unsupported_media_type:file",
    `"${fileName}" is named .${extension} but its content is ${found}. Rename it to match its content or export it again.`,
  );
}
