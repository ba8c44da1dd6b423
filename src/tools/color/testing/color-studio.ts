import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { creditBalance } from "../../../credits/ledger.ts";
import { files, jobs, user } from "../../../db/schema.ts";
import type { JobSnapshot } from "../../../jobs/job-service.ts";
import { signedInClient } from "../../../web/server/testing/accounts.ts";
import type { TestClient } from "../../../web/server/testing/http-client.ts";
import { startTestStudio, type TestStudio } from "../../../web/server/testing/test-studio.ts";
import { createToolContext } from "../../context.ts";
import { findTool } from "../../index.ts";
import { runTool } from "../../run-tool.ts";

/** The real studio with one signed-in user and a project, for the colour tools' tests. */
export type ColorStudio = {
  harness: TestStudio;
  client: TestClient;
  userId: string;
  projectId: string;
  /** Uploads bytes as the user; returns the new file id. */
  upload(name: string, bytes: Uint8Array | string): Promise<string>;
  /** Runs a tool through the registry as the user. */
  run(name: string, input: unknown): Promise<Record<string, unknown>>;
  /** Waits until the job is finished and returns its record. */
  waitForJob(jobId: string): Promise<JobSnapshot>;
  balance(): Promise<number>;
  /** How many jobs the user has (any state). */
  jobCount(): Promise<number>;
  /** The stored bytes of a file. */
  fileBytes(fileId: string): Promise<Buffer>;
  /** A local path of a stored file. */
  filePath(fileId: string): Promise<string>;
  close(): Promise<void>;
};

/** Starts the studio for colour tests. */
export async function startColorStudio(email: string): Promise<ColorStudio> {
  const harness = await startTestStudio();
  const client = await signedInClient(harness.studio, harness.baseUrl, email);
  const [row] = await harness.studio.database.db.select().from(user).where(eq(user.email, email));
  if (!row) throw new Error("the signed-up user is missing");
  const created = await client.post("/api/projects", { title: "Colour tests" });
  const projectId = (created.data.project as { id: string }).id;
  const { studio } = harness;
  const context = createToolContext(
    {
      db: studio.database.db,
      storage: studio.storage,
      jobs: studio.jobs,
      logger: studio.logger,
      ffmpeg: studio.ffmpeg,
    },
    { userId: row.id, projectId },
  );
  const filePath = async (fileId: string) => {
    const [stored] = await studio.database.db.select().from(files).where(eq(files.id, fileId));
    if (!stored) throw new Error(`no file ${fileId}`);
    return studio.storage.localPath(stored.storageKey);
  };
  return {
    harness,
    client,
    userId: row.id,
    projectId,
    async upload(name, bytes) {
      const response = await client.upload(`/api/projects/${projectId}/files`, name, bytes);
      if (response.status !== 201) throw new Error(`upload failed: ${JSON.stringify(response.data)}`);
      return (response.data.file as { id: string }).id;
    },
    async run(name, input) {
      const tool = findTool(name);
      if (!tool) throw new Error(`no tool ${name}`);
      return (await runTool(tool, context, input)) as Record<string, unknown>;
    },
    async waitForJob(jobId) {
      for (let attempt = 0; attempt < 400; attempt++) {
        const job = await studio.jobs.get(row.id, jobId);
        if (job && ["succeeded", "failed", "cancelled"].includes(job.status)) return job;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`job ${jobId} did not finish`);
    },
    jobCount: async () =>
      (await studio.database.db.select().from(jobs).where(eq(jobs.ownerId, row.id))).length,
    balance: () => creditBalance(studio.database.db, row.id),
    fileBytes: async (fileId) => readFileSync(await filePath(fileId)),
    filePath,
    close: () => harness.close(),
  };
}

/** Runs ffmpeg with the arguments and returns stdout. */
export function ffmpeg(args: string[]): Buffer {
  return execFileSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", ...args]);
}

/** Tiny test media made on the spot. */
export async function makeMedia(): Promise<{
  png: Buffer;
  video: Buffer;
  audioOnly: Buffer;
  reference: Buffer;
}> {
  const directory = mkdtempSync(path.join(os.tmpdir(), "nollyai-color-media-"));
  try {
    const png = await sharp({
      create: { width: 160, height: 90, channels: 3, background: { r: 90, g: 140, b: 200 } },
    })
      .composite([
        {
          input: { create: { width: 80, height: 90, channels: 3, background: { r: 200, g: 120, b: 70 } } },
          left: 0,
          top: 0,
        },
      ])
      .png()
      .toBuffer();
    const reference = await sharp({
      create: { width: 64, height: 64, channels: 3, background: { r: 230, g: 160, b: 60 } },
    })
      .png()
      .toBuffer();
    const videoPath = path.join(directory, "clip.mp4");
    ffmpeg([
      ...["-f", "lavfi", "-i", "testsrc2=size=160x90:rate=12:duration=1"],
      ...["-f", "lavfi", "-i", "sine=frequency=440:duration=1"],
      ...["-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", videoPath],
    ]);
    const audioPath = path.join(directory, "sound.mp4");
    ffmpeg(["-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "aac", audioPath]);
    return { png, video: readFileSync(videoPath), audioOnly: readFileSync(audioPath), reference };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
