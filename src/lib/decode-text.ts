import { repairMojibake } from "./repair-mojibake.ts";
import { decodeWindows1252 } from "./windows-1252.ts";

/**
 * Text as people save it: UTF-8 (with or without a byte-order mark), UTF-16 with its byte-order mark (Notepad's
 * "Unicode", some Word and Final Draft exports), or Windows-1252 (what Word and older Windows tools save as
 * "plain text"), so `don’t` is not read as `don�t`. Returns null for binary data: NUL bytes or more than 1% of
 * control codes. `partial` forgives a character cut off at the end (the first bytes of an upload). UTF-8 that
 * went through a wrong conversion once (`14Â°`, `donâ€™t`) is repaired (`repair-mojibake.ts`).
 */
export function decodeText(bytes: Uint8Array, options: { partial?: boolean } = {}): string | null {
  const utf16 = utf16ByteOrder(bytes);
  if (utf16) {
    const whole = options.partial ? bytes.subarray(0, bytes.length - (bytes.length % 2)) : bytes;
    const text = new TextDecoder(utf16).decode(whole.subarray(2));
    return text.includes("\0") ? null : text;
  }
  const sample = bytes.subarray(0, 8192);
  const controls = sample.filter((byte) => byte < 9 || (byte > 13 && byte < 32 && byte !== 27)).length;
  if (bytes.includes(0) || controls > sample.length * 0.01) return null;
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  for (let cut = 0; cut <= (options.partial ? 3 : 0) && cut < body.length; cut++) {
    try {
      return repairMojibake(
        new TextDecoder("utf-8", { fatal: true }).decode(body.subarray(0, body.length - cut)),
      );
    } catch {
      // not UTF-8, or (when partial) a character cut off at the end: try without it
    }
  }
  return decodeWindows1252(body);
}

/** The encoding a UTF-16 byte-order mark announces, if the bytes start with one. */
export function utf16ByteOrder(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (startsWith(bytes, [0xff, 0xfe])) return "utf-16le";
  return startsWith(bytes, [0xfe, 0xff]) ? "utf-16be" : null;
}

/** Whether `bytes` begin with `prefix` (a file signature or byte-order mark). */
export function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
