import { paginate, parseScreenplay, type Screenplay } from "../../media/script/index.ts";

/** What ingestion reads: plain text (notes, breakdowns, job results) or a screenplay file's bytes. */
export type DocumentInput = { text: string } | { screenplay: { bytes: Uint8Array; fileName: string } };

/** The parse step's result: plain data, so a durable job can record it between steps. */
export type ParsedDocument =
  | { kind: "text"; text: string }
  | {
      kind: "screenplay";
      screenplay: Screenplay;
      /** The page each element starts on (the source's pages for PDF, laid out in standard format otherwise). */
      pages: Array<number | null>;
    };

/** Parses a screenplay (Fountain, FDX, PDF or text, via the script engine) or passes text through. */
export async function parseDocument(input: DocumentInput): Promise<ParsedDocument> {
  if ("text" in input) return { kind: "text", text: input.text };
  const screenplay = await parseScreenplay(input.screenplay);
  const pages =
    screenplay.format === "pdf"
      ? screenplay.elements.map((element) => element.page)
      : paginate(screenplay).positions.map((position) => position?.page ?? null);
  return { kind: "screenplay", screenplay, pages };
}
