/** Windows-1252's characters at 0x80–0x9F (the five it leaves undefined stay as they are). */
export const windows1252High = [
  "€",
  "\u0081",
  "‚",
  "ƒ",
  "„",
  "…",
  "†",
  "‡",
  "ˆ",
  "‰",
  "Š",
  "‹",
  "Œ",
  "\u008d",
  "Ž",
  "\u008f",
  "\u0090",
  "‘",
  "’",
  "“",
  "”",
  "•",
  "–",
  "—",
  "˜",
  "™",
  "š",
  "›",
  "œ",
  "\u009d",
  "ž",
  "Ÿ",
];

/**
 * Bytes read as Windows-1252. Node 20's "windows-1252" decoder reads 0x80–0x9F as Latin-1 control codes, so
 * those are mapped here.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("latin1")
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (code) => windows1252High[code.charCodeAt(0) - 0x80] ?? code);
}

/** The Windows-1252 byte of each character it can encode above 0x7F. */
export const windows1252Byte: ReadonlyMap<string, number> = new Map([
  ...windows1252High.map((character, index) => [character, 0x80 + index] as const),
  ...Array.from({ length: 0x60 }, (_, index) => [String.fromCharCode(0xa0 + index), 0xa0 + index] as const),
]);
