import { getFile } from "../../db/queries/files.ts";
import type { UserScope } from "../../db/rls.ts";
import { AppError } from "../../lib/errors.ts";
import { fileIdInput, projectIdInput } from "../shared-schemas.ts";
import { type BreakdownRecord, brokenDownFiles, latestBreakdownOfFile } from "./breakdown-queries.ts";

/** The input fields that pick a breakdown: a script, or the project whose only broken-down script it is. */
export const breakdownSelector = {
  fileId: fileIdInput.optional().describe("The screenplay file; leave out when the project has one script"),
  projectId: projectIdInput.optional(),
};

function noBreakdown(): AppError {
  return new AppError(
    "not_found:breakdown",
    "There is no breakdown yet: run breakdown-script first on the screenplay.",
  );
}

/** The latest breakdown of the script named, or of the project's only broken-down script. */
export async function resolveBreakdown(
  transaction: UserScope,
  input: { fileId?: string | undefined; projectId?: string | undefined },
): Promise<BreakdownRecord & { fileName: string }> {
  return transaction(async (tx) => {
    let fileId = input.fileId;
    if (!fileId) {
      if (!input.projectId) {
        throw new AppError(
          "bad_request:breakdown",
          "Say which script (fileId) or which project (projectId) you mean.",
        );
      }
      const fileIds = await brokenDownFiles(tx, input.projectId);
      if (fileIds.length > 1) {
        throw new AppError(
          "bad_request:breakdown",
          `This project has ${fileIds.length} broken-down scripts; give the fileId of the one you mean.`,
        );
      }
      fileId = fileIds[0];
      if (!fileId) throw noBreakdown();
    }
    const file = await getFile(tx, fileId);
    const record = await latestBreakdownOfFile(tx, fileId);
    if (!record) throw noBreakdown();
    return { ...record, fileName: file.name };
  });
}
