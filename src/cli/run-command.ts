import { createReadStream } from "node:fs";
import path from "node:path";
import { indexStoredFile } from "../agent/retrieval/index-stored-file.ts";
import { userScope } from "../db/rls.ts";
import { AppError } from "../lib/errors.ts";
import { saveUpload } from "../storage/save-upload.ts";
import { createToolContext } from "../tools/context.ts";
import { findTool } from "../tools/index.ts";
import { runTool } from "../tools/run-tool.ts";
import type { CliSession } from "./session.ts";

/** `nollyai run`: uploads the files, fills the tool's empty file-id inputs with them in order, runs it. */
export async function runToolCommand(
  session: CliSession,
  input: { toolName: string; projectName: string; files: string[]; inputJson?: string },
): Promise<unknown> {
  const tool = findTool(input.toolName);
  if (!tool)
    throw new AppError("not_found:tool", `No tool "${input.toolName}". Run "nollyai tools" to list them.`);
  let toolInput: Record<string, unknown> = {};
  if (input.inputJson) {
    try {
      toolInput = JSON.parse(input.inputJson) as Record<string, unknown>;
    } catch (error) {
      throw new AppError("bad_request:input", `--input is not valid JSON: ${(error as Error).message}`);
    }
  }
  const { studio, userId } = session;
  const projectId = await session.projectId(input.projectName);
  const uploaded: string[] = [];
  for (const file of input.files) {
    const stored = await saveUpload({
      db: studio.database.db,
      storage: studio.storage,
      limits: studio.uploadLimits,
      userId,
      projectId,
      fileName: path.basename(file),
      body: createReadStream(file),
    });
    await indexStoredFile({
      retrieval: studio.retrieval,
      scope: userScope(studio.database.db, userId),
      storage: studio.storage,
      file: stored,
    });
    uploaded.push(stored.id);
  }
  for (const field of fileFields(Object.keys(tool.inputSchema.shape))) {
    if (uploaded.length === 0) break;
    if (toolInput[field] !== undefined) continue;
    toolInput[field] = field.endsWith("Ids") ? uploaded.splice(0) : uploaded.shift();
  }
  const context = createToolContext(
    {
      db: studio.database.db,
      storage: studio.storage,
      jobs: studio.agent.jobs,
      logger: studio.logger,
      ffmpeg: studio.ffmpeg,
    },
    { userId, projectId },
  );
  return runTool(tool, context, toolInput);
}

/** Input fields that take file ids, in schema order: `fileId`, `referenceFileId`, `fileIds`… */
function fileFields(fields: string[]): string[] {
  return fields.filter((field) => /(^f|F)ileIds?$/.test(field));
}
