import { buffer } from "node:stream/consumers";
import { z } from "zod";
import { getFile } from "../db/queries/files.ts";
import { decodeText } from "../lib/decode-text.ts";
import { AppError } from "../lib/errors.ts";
import { fileIdInput, fileView, toFileView } from "./shared-schemas.ts";
import { defineTool } from "./tool.ts";

const textMimeTypes = new Set([
  "text/x-fountain",
  "application/x-final-draft",
  "text/plain",
  "text/markdown",
  "text/x-cube-lut",
  "model/obj",
  "model/gltf+json",
]);
const maxCharacters = 200_000;

export const getFileTextTool = defineTool({
  name: "get-file-text",
  title: "Read a text file",
  description:
    "Returns the text of a text file in the project (Fountain or Final Draft screenplay, notes, .cube LUT). Long files are cut to a part: give offset to read on.",
  inputSchema: z.object({
    fileId: fileIdInput,
    offset: z.number().int().min(0).default(0),
    maxLength: z.number().int().min(1).max(maxCharacters).default(20_000),
  }),
  outputSchema: z.object({
    file: fileView,
    text: z.string(),
    offset: z.number(),
    totalLength: z.number(),
    truncated: z.boolean(),
  }),
  cost: 0,
  annotations: { readOnly: true, destructive: false, longRunning: false, idempotent: true },
  examples: ["show me the script text", "read the screenplay", "open my notes file"],
  async execute(context, input) {
    const file = await context.transaction((tx) => getFile(tx, input.fileId));
    if (!textMimeTypes.has(file.mimeType)) {
      throw new AppError(
        "unprocessable:file",
        `"${file.name}" is ${file.mimeType}, not a text file. Use a tool made for that kind of file instead.`,
      );
    }
    const bytes = await buffer(context.storage.read(file.storageKey));
    const whole = decodeText(bytes) ?? bytes.toString("utf8");
    const text = whole.slice(input.offset, input.offset + input.maxLength);
    return {
      file: toFileView(file),
      text,
      offset: input.offset,
      totalLength: whole.length,
      truncated: input.offset + text.length < whole.length,
    };
  },
});
