import { getFile } from "../../db/queries/files.ts";
import type { StoredFile } from "../../db/schema/files.ts";
import { AppError } from "../../lib/errors.ts";
import type { ToolContext } from "../tool.ts";

/** An image or video of the caller's with a local path for the engines; other kinds are client faults. */
export async function loadVisualSource(
  context: Pick<ToolContext, "transaction" | "storage">,
  fileId: string,
): Promise<{ file: StoredFile & { kind: "image" | "video" }; localPath: string }> {
  const file = await context.transaction((tx) => getFile(tx, fileId));
  if (file.kind !== "image" && file.kind !== "video") {
    throw new AppError("unprocessable:file", `"${file.name}" is ${file.kind}; pick an image or a video.`);
  }
  return { file: { ...file, kind: file.kind }, localPath: await context.storage.localPath(file.storageKey) };
}
