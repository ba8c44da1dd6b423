import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeText } from "./decode-text.ts";
import { decodeWindows1252 } from "./windows-1252.ts";

const line = "INT. MAMA PUT’S STALL – DAY\nTUNDE\n“I don’t get change.” €5\n";
const withMark = (mark: number[], body: Buffer) => new Uint8Array([...mark, ...body]);

describe("decodeText", () => {
  it("reads UTF-8 with or without its byte-order mark", () => {
    expect(decodeText(Buffer.from(line))).toBe(line);
    expect(decodeText(withMark([0xef, 0xbb, 0xbf], Buffer.from(line)))).toBe(line);
  });

  it("reads UTF-16 little- and big-endian by their byte-order marks", () => {
    const little = Buffer.from(line, "utf16le");
    expect(decodeText(withMark([0xff, 0xfe], little))).toBe(line);
    expect(decodeText(withMark([0xfe, 0xff], Buffer.from(little).swap16()))).toBe(line);
  });

  it("reads Windows-1252 with its curly quotes, dashes and euro sign", () => {
    const cp1252: Record<string, number> = { "’": 0x92, "–": 0x96, "“": 0x93, "”": 0x94, "€": 0x80 };
    const bytes = Uint8Array.from(line, (character) => cp1252[character] ?? character.charCodeAt(0));
    expect(decodeText(bytes)).toBe(line);
  });

  it("forgives a character cut off at the end of a partial read, and only then", () => {
    const cut = Buffer.from(line).subarray(0, Buffer.from("INT. MAMA PUT’").length - 1);
    expect(decodeText(cut, { partial: true })).toBe("INT. MAMA PUT");
    expect(decodeText(cut)).not.toBe("INT. MAMA PUT");
  });

  it("calls binary data binary", () => {
    expect(decodeText(Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"))).toBeNull();
    expect(decodeText(Uint8Array.from({ length: 400 }, (_, index) => (index % 7) + 1))).toBeNull();
  });
});

describe("decodeText repairs UTF-8 that was read as Windows-1252 once", () => {
  const damage = (text: string) => Buffer.from(decodeWindows1252(Buffer.from(text)));

  it("restores degrees, accents, curly quotes and dashes", () => {
    for (const text of ["LA RUE 14°", "CAFÉ – l’été", "“I don’t get change.” €5", "Ọmọ Ọlọ́run ₦500"]) {
      expect(decodeText(damage(text))).toBe(text);
    }
  });

  it("the Big Fish fixture's heading reads 14°", () => {
    const fixture = readFileSync(
      path.resolve(import.meta.dirname, "../../../shared/fixtures/screenplays/big-fish.fountain"),
    );
    const text = decodeText(fixture)!;
    expect(text).toContain("LA RUE 14°) - NIGHT");
    expect(text).not.toContain("Â");
  });

  it("leaves ordinary accented and symbol text alone", () => {
    for (const text of ["CAFÉ", "à la carte", "Ã", "Â is a letter", "ÂÂ", "naïve «quoted» façade"]) {
      expect(decodeText(Buffer.from(text))).toBe(text);
    }
  });
});
