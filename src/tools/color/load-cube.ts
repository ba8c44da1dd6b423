import { text as streamText } from "node:stream/consumers";
import { getFile } from "../../db/queries/files.ts";
import type { UserScope } from "../../db/rls.ts";
import { AppError, isAppError } from "../../lib/errors.ts";
import { type Lut3d, parseCube } from "../../media/color/index.ts";
import type { BlobStorage } from "../../storage/blob-storage.ts";

/**
 * Reads and parses a `.cube` project file. A file that is not a LUT, or a malformed one, is a client
 * fault (`unprocessable:lut`) naming the file and the problem.
 */
export async function loadCubeFile(input: {
  transaction: UserScope;
  storage: BlobStorage;
  fileId: string;
}): Promise<{ lut: Lut3d; name: string }> {
  const file = await input.transaction((tx) => getFile(tx, input.fileId));
  if (file.kind !== "lut") {
    throw new AppError(
      "unprocessable:lut",
      `"${file.name}" is not a .cube LUT (it is ${file.kind}). Upload a .cube file or leave lutFileId out.`,
    );
  }
  const text = await streamText(input.storage.read(file.storageKey));
  try {
    return { lut: parseCube(text), name: file.name };
  } catch (error) {
    const reason = isAppError(error) || error instanceof Error ? error.message : String(error);
    throw new AppError(
      "unprocessable:lut",
      `"${file.name}" is not a valid .cube LUT: ${reason} Fix or re-export it.`,
      {
        cause: error,
      },
    );
  }
}
