import { describe, expect, it } from "vitest";
import { extensionOf, verifyContent } from "./file-types.ts";

const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
const pdf = Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n", "latin1");

describe("verifyContent", () => {
  it("accepts content that agrees with the extension and files it under its kind", async () => {
    await expect(verifyContent("a.fountain", Buffer.from("INT. HOUSE - DAY\n"))).resolves.toMatchObject({
      kind: "screenplay",
    });
    await expect(verifyContent("a.png", png)).resolves.toEqual({ kind: "image", mimeType: "image/png" });
    await expect(verifyContent("a.pdf", pdf)).resolves.toMatchObject({
      kind: "screenplay",
      mimeType: "application/pdf",
    });
    await expect(
      verifyContent("a.fdx", Buffer.from('<?xml version="1.0"?>\n<FinalDraft DocumentType="Script">')),
    ).resolves.toMatchObject({ kind: "screenplay" });
    await expect(
      verifyContent("look.cube", Buffer.from('TITLE "x"\nLUT_3D_SIZE 2\n0 0 0\n')),
    ).resolves.toMatchObject({ kind: "lut" });
    await expect(verifyContent("mesh.obj", Buffer.from("# obj\nv 0 0 0\nv 1 0 0\n"))).resolves.toMatchObject({
      kind: "model",
    });
  });

  it("accepts a screenplay saved as Windows-1252 or UTF-16 (Word and Notepad on Windows)", async () => {
    const cp1252 = Buffer.from("INT. MAMA PUT\x92S STALL - DAY\n", "latin1");
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from("INT. MAMA PUT’S STALL - DAY\n", "utf16le"),
    ]);
    for (const head of [cp1252, utf16]) {
      await expect(verifyContent("stall.fountain", head)).resolves.toMatchObject({ kind: "screenplay" });
    }
  });

  it("refuses a mismatch with a message naming what the content is", async () => {
    await expect(verifyContent("a.fountain", png)).rejects.toMatchObject({
      code: "unsupported_media_type:file",
      message: expect.stringMatching(/content is png/),
    });
    await expect(verifyContent("a.png", pdf)).rejects.toMatchObject({
      message: expect.stringMatching(/content is pdf/),
    });
    await expect(verifyContent("a.fdx", Buffer.from("<html></html>"))).rejects.toMatchObject({
      message: expect.stringMatching(/Final Draft/),
    });
    await expect(verifyContent("a.fountain", Buffer.alloc(0))).rejects.toMatchObject({
      code: "unprocessable:file",
    });
  });

  it("forgives a head that ends inside a multi-byte character", async () => {
    const text = Buffer.from("EXT. ÒGBÓMỌ̀SỌ́ - DAY\n");
    await expect(verifyContent("a.fountain", text.subarray(0, text.length - 2))).resolves.toBeTruthy();
  });

  it("takes the extension case-insensitively", () => {
    expect(extensionOf("SCRIPT.FDX")).toBe("fdx");
    expect(extensionOf("noextension")).toBe("");
  });
});
