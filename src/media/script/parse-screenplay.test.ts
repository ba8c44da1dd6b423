import { describe, expect, it } from "vitest";
import { parseScreenplay } from "./parse-screenplay.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

/** A one-page PDF whose only content is an image: what a scanner produces. */
function imageOnlyPdf(): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\u0000\u00ff\u00ff\u0000\nendstream",
    "<< /Length 35 >>\nstream\nq 612 0 0 792 0 0 cm /Im1 Do Q\nendstream",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("")}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(pdf, (character) => character.charCodeAt(0));
}

describe("parseScreenplay", () => {
  it("reads UTF-16 with a byte-order mark and Windows-1252 text as well as UTF-8", async () => {
    const fountain = "INT. MAMA PUT’S STALL - DAY\n\nTUNDE\nI don’t get change.\n";
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(fountain, "utf16le"))]);
    const cp1252 = Uint8Array.from(fountain, (character) =>
      character === "’" ? 0x92 : character.charCodeAt(0),
    );
    for (const upload of [utf16, cp1252, bytes(fountain)]) {
      const screenplay = await parseScreenplay({ bytes: upload, fileName: "stall.fountain" });
      const heading = screenplay.elements.find((element) => element.type === "scene_heading");
      expect(heading?.text).toBe("INT. MAMA PUT’S STALL - DAY");
      expect(screenplay.elements.some((element) => element.text === "I don’t get change.")).toBe(true);
    }
  });

  it("refuses an empty file", async () => {
    await expect(
      parseScreenplay({ bytes: new Uint8Array(), fileName: "draft.fountain" }),
    ).rejects.toMatchObject({
      code: "unprocessable:screenplay",
      message: expect.stringContaining("empty"),
    });
  });

  it("refuses a PNG renamed .fountain, naming what it is", async () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
    ]);
    await expect(parseScreenplay({ bytes: png, fileName: "script.fountain" })).rejects.toMatchObject({
      code: "unsupported_media_type:screenplay",
      message: expect.stringContaining("PNG image"),
    });
  });

  it("refuses a file over 20 MB before parsing it", async () => {
    const huge = new Uint8Array(20 * 1024 * 1024 + 1).fill(0x41);
    await expect(parseScreenplay({ bytes: huge, fileName: "everything.fountain" })).rejects.toMatchObject({
      code: "payload_too_large:screenplay",
      message: expect.stringMatching(/"everything\.fountain" is 20\.0 MB; a screenplay can be at most 20 MB/),
    });
  });

  it("refuses a scanned PDF with no text layer", async () => {
    await expect(parseScreenplay({ bytes: imageOnlyPdf(), fileName: "scan.pdf" })).rejects.toMatchObject({
      code: "unprocessable:screenplay",
      message: expect.stringContaining("no text layer"),
    });
  });

  it("refuses malformed FDX with the position of the fault", async () => {
    const fdx =
      '<?xml version="1.0"?>\n<FinalDraft>\n<Content>\n<Paragraph Type="Action"><Text>Hi</Paragraph>\n</Content></FinalDraft>';
    await expect(parseScreenplay({ bytes: bytes(fdx), fileName: "draft.fdx" })).rejects.toMatchObject({
      code: "unprocessable:screenplay",
      message: expect.stringMatching(/not valid XML.*line 4/),
    });
  });

  it("picks the parser by content: Fountain, FDX without its extension, indented plain text", async () => {
    const fountain = await parseScreenplay({
      bytes: bytes("INT. HOUSE - DAY\n\nAMAKA\nHello."),
      fileName: "a.fountain",
    });
    expect(fountain.format).toBe("fountain");
    const fdx = await parseScreenplay({
      bytes: bytes(
        '<FinalDraft><Content><Paragraph Type="Action"><Text>Hi.</Text></Paragraph></Content></FinalDraft>',
      ),
      fileName: "export.xml",
    });
    expect(fdx.format).toBe("fdx");
    const indented = [
      "INT. MAMA'S KITCHEN - NIGHT",
      "",
      "Mama stirs a pot of pepper soup.",
      "",
      "                    MAMA",
      "          (without turning)",
      "          You came home late again.",
      "",
      "                    CHIDI",
      "          The danfo broke down.",
      "",
      "                                                  CUT TO:",
    ].join("\n");
    const text = await parseScreenplay({ bytes: bytes(indented), fileName: "script.txt" });
    expect(text.format).toBe("text");
    expect(text.elements.map((element) => element.type)).toEqual([
      "scene_heading",
      "action",
      "character",
      "parenthetical",
      "dialogue",
      "character",
      "dialogue",
      "transition",
    ]);
  });
});
