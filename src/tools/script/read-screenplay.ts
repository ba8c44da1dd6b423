import { buffer } from "node:stream/consumers";
import { getFile } from "../../db/queries/files.ts";
import type { UserScope } from "../../db/rls.ts";
import type { StoredFile } from "../../db/schema/files.ts";
import { AppError } from "../../lib/errors.ts";
import { assertScreenplaySize, parseScreenplay, type Screenplay } from "../../media/script/index.ts";
import type { BlobStorage } from "../../storage/blob-storage.ts";

/**
 * Loads a screenplay file of the caller and parses it. Throws `unprocessable:file` for a file that is not a
 * screenplay, and the engine's own clear error for one it cannot read (empty, too large, scanned, malformed).
 */
export async function readScreenplay(input: {
  transaction: UserScope;
  storage: BlobStorage;
  fileId: string;
}): Promise<{ file: StoredFile; screenplay: Screenplay }> {
  const file = await input.transaction((tx) => getFile(tx, input.fileId));
  if (file.kind !== "screenplay") {
    throw new AppError(
      "unprocessable:file",
      `"${file.name}" is ${file.kind}, not a screenplay. Upload a Fountain, Final Draft (.fdx), PDF or text script and break that down.`,
    );
  }
  // Checked before reading, so an oversized file is refused without loading it.
  assertScreenplaySize(file.sizeBytes, file.name);
  const bytes = new Uint8Array(await buffer(input.storage.read(file.storageKey)));
  const screenplay = await parseScreenplay({ bytes, fileName: file.name });
  return { file, screenplay };
}
