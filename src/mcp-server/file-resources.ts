import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { ReadResourceResult } from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";
import { getFile } from "../db/queries/files.ts";
import { withUser } from "../db/rls.ts";
import { isAppError } from "../lib/errors.ts";
import { type fileView, type projectView, toFileView } from "../tools/shared-schemas.ts";
import { answering, jsonContents, type ResourceContext, variable } from "./resource-context.ts";
import { resourceTemplates, resourceUris } from "./resource-uris.ts";

type FileView = z.infer<typeof fileView>;
type TextRead = { file: FileView; text: string; totalLength: number; truncated: boolean };

const maxListed = 200;
const maxTextCharacters = 200_000;

/** `nollyai://files/{fileId}`: a text file's text, or a binary file's details with a download link. */
export function registerFileResources(server: McpServer, context: ResourceContext): void {
  server.registerResource(
    "file",
    new ResourceTemplate(resourceTemplates.file, {
      list: () => answering(context.deps, async () => ({ resources: await listRecentFiles(context) })),
    }),
    {
      title: "A file",
      description:
        "A screenplay, note or LUT as text; images, audio, video and models as details with a download link.",
    },
    (uri, variables) =>
      answering(context.deps, () => readFile(context, String(uri), variable(variables.fileId))),
  );
}

async function listRecentFiles(context: ResourceContext) {
  const { projects } = (await context.runTool("list-projects", {})) as {
    projects: z.infer<typeof projectView>[];
  };
  const listed: { uri: string; name: string; title: string; mimeType: string; size: number }[] = [];
  for (const project of projects) {
    if (listed.length >= maxListed) break;
    const { files } = (await context.runTool("list-files", { projectId: project.id })) as {
      files: FileView[];
    };
    for (const file of files.slice(0, maxListed - listed.length)) {
      listed.push({
        uri: resourceUris.file(file.id),
        name: file.name,
        title: `${project.title}: ${file.name}`,
        mimeType: file.mimeType,
        size: file.sizeBytes,
      });
    }
  }
  return listed;
}

async function readFile(context: ResourceContext, uri: string, fileId: string): Promise<ReadResourceResult> {
  try {
    const read = (await context.runTool("get-file-text", {
      fileId,
      maxLength: maxTextCharacters,
    })) as TextRead;
    const contents: ReadResourceResult["contents"] = [{ uri, mimeType: read.file.mimeType, text: read.text }];
    if (read.truncated) {
      contents.push({
        uri,
        mimeType: "text/plain",
        text: `[cut at ${read.text.length} of ${read.totalLength} characters: call get-file-text with an offset to read on]`,
      });
    }
    return { contents };
  } catch (error) {
    if (!isAppError(error) || error.code !== "unprocessable:file") throw error;
  }
  const file = await withUser(context.deps.database.db, context.user.id, (tx) => getFile(tx, fileId));
  return jsonContents(uri, {
    file: toFileView(file),
    download: new URL(`/api/files/${file.id}/content`, context.deps.publicUrl).toString(),
    note: "A binary file: download it from the studio (signed in), or use the tools made for its kind.",
  });
}
