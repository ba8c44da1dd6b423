import { deflateSync } from "node:zlib";
import { fontResourceNames, PdfPage } from "./pdf-page.ts";

/** The paper sizes sheets are printed on, in points. */
export const paperSizes = {
  letter: { width: 612, height: 792 },
  a4: { width: 595.28, height: 841.89 },
} as const;
export type Paper = keyof typeof paperSizes;

/** A text string for the document information: UTF-16BE with its byte-order mark, so any title survives. */
function infoString(text: string): string {
  const bytes = [0xfe, 0xff];
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    bytes.push(unit >> 8, unit & 0xff);
  }
  return `<${bytes.map((byte) => byte.toString(16).padStart(2, "0")).join("")}>`;
}

/**
 * A PDF 1.4 document of text and boxes in the standard fonts Helvetica and Helvetica-Bold: pages are
 * drawn with `PdfPage`, then `toBytes()` writes the objects, the cross-reference table and the trailer.
 */
export class PdfDocument {
  readonly pages: PdfPage[] = [];

  constructor(private readonly options: { paper: Paper; title: string }) {}

  addPage(): PdfPage {
    const { width, height } = paperSizes[this.options.paper];
    const page = new PdfPage(width, height);
    this.pages.push(page);
    return page;
  }

  toBytes(): Uint8Array {
    const chunks: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
    let length = chunks[0]?.length ?? 0;
    const offsets: number[] = [];
    const write = (id: number, body: Buffer | string, stream?: Buffer) => {
      offsets[id] = length;
      const parts = [
        Buffer.from(`${id} 0 obj\n`),
        Buffer.isBuffer(body) ? body : Buffer.from(body, "latin1"),
        stream
          ? Buffer.concat([Buffer.from("\nstream\n"), stream, Buffer.from("\nendstream")])
          : Buffer.alloc(0),
        Buffer.from("\nendobj\n"),
      ];
      for (const part of parts) {
        chunks.push(part);
        length += part.length;
      }
    };
    const fonts = Object.entries(fontResourceNames);
    const firstFont = 3;
    const firstPage = firstFont + fonts.length;
    const infoId = firstPage + this.pages.length * 2;
    const pageIds = this.pages.map((_, index) => firstPage + index * 2);
    write(1, "<< /Type /Catalog /Pages 2 0 R >>");
    write(
      2,
      `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pageIds.length} >>`,
    );
    for (const [index, [baseFont]] of fonts.entries()) {
      write(
        firstFont + index,
        `<< /Type /Font /Subtype /Type1 /BaseFont /${baseFont} /Encoding /WinAnsiEncoding >>`,
      );
    }
    const fontResources = fonts.map(([, name], index) => `/${name} ${firstFont + index} 0 R`).join(" ");
    this.pages.forEach((page, index) => {
      const id = firstPage + index * 2;
      write(
        id,
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width} ${page.height}] /Resources << /Font << ${fontResources} >> >> /Contents ${id + 1} 0 R >>`,
      );
      const content = deflateSync(Buffer.from(page.operations.join("\n"), "latin1"));
      write(id + 1, `<< /Length ${content.length} /Filter /FlateDecode >>`, content);
    });
    write(infoId, `<< /Title ${infoString(this.options.title)} /Producer ${infoString("NollyAI Studio")} >>`);
    const xrefOffset = length;
    const entries = Array.from(
      { length: infoId },
      (_, index) => `${String(offsets[index + 1] ?? 0).padStart(10, "0")} 00000 n \n`,
    );
    chunks.push(
      Buffer.from(
        `xref\n0 ${infoId + 1}\n0000000000 65535 f \n${entries.join("")}trailer\n<< /Size ${infoId + 1} /Root 1 0 R /Info ${infoId} 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`,
        "latin1",
      ),
    );
    return new Uint8Array(Buffer.concat(chunks));
  }
}
