import { describe, expect, it } from "vitest";
import { decodeText } from "./decode-text.ts";

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
