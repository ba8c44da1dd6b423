import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { getFile } from "../db/queries/files.ts";
import { userScope } from "../db/rls.ts";
import type { JobSnapshot } from "../jobs/job-service.ts";
import { AppError, type ErrorCode } from "../lib/errors.ts";
import type { CliSession } from "./session.ts";

const finished = new Set(["succeeded", "failed", "cancelled"]);

/** The job a tool's output started, if any (`{ jobId }` or `{ job: { jobId } }`). */
export function startedJobId(output: unknown): string | undefined {
  if (typeof output !== "object" || output === null) return undefined;
  const record = output as { jobId?: unknown; job?: { jobId?: unknown } };
  if (typeof record.jobId === "string") return record.jobId;
  if (typeof record.job?.jobId === "string") return record.job.jobId;
  return undefined;
}

/** Follows a job to its end, printing progress to stderr; a failed or cancelled job becomes an error. */
export async function waitForJob(session: CliSession, jobId: string): Promise<JobSnapshot> {
  const { jobs } = session.studio;
  let lastProgress = -1;
  for (;;) {
    const job = await jobs.get(session.userId, jobId);
    if (job.progress !== lastProgress) {
      lastProgress = job.progress;
      process.stderr.write(`  ${job.tool}: ${job.progress}%${job.message ? ` ${job.message}` : ""}\n`);
    }
    if (finished.has(job.status)) {
      if (job.status === "succeeded") return job;
      const code = (job.error?.code ?? "unprocessable:job") as ErrorCode;
      throw new AppError(code, job.error?.message ?? `The job was ${job.status}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Every file id named in a result (`fileId`, `…FileId`, `…FileIds`, or `files: [{ id }]`). */
export function fileIdsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) fileIdsIn(item, found);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, field] of Object.entries(value)) {
      if (/fileId$/i.test(key) && typeof field === "string") found.add(field);
      else if (/fileIds$/i.test(key) && Array.isArray(field)) {
        for (const id of field) if (typeof id === "string") found.add(id);
      } else if (key === "files" && Array.isArray(field)) {
        for (const item of field) {
          const id = (item as { id?: unknown }).id;
          if (typeof id === "string") found.add(id);
        }
      } else fileIdsIn(field, found);
    }
  }
  return found;
}

/** Copies the named project files into `directory`; returns the paths written. */
export async function writeOutputFiles(
  session: CliSession,
  fileIds: Iterable<string>,
  directory: string,
): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const scope = userScope(session.studio.database.db, session.userId);
  const written: string[] = [];
  for (const fileId of fileIds) {
    const file = await scope((tx) => getFile(tx, fileId)).catch(() => undefined);
    if (!file) continue;
    const target = path.join(directory, file.name);
    await pipeline(session.studio.storage.read(file.storageKey), createWriteStream(target));
    written.push(target);
  }
  return written;
}
