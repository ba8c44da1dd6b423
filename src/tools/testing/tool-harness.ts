import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { profiles, user } from "../../db/schema.ts";
import { createTestDatabase, type TestDatabase } from "../../db/testing/test-database.ts";
import type { JobQueue } from "../../jobs/job-queue.ts";
import { createLogger } from "../../lib/logger.ts";
import { createLocalStorage } from "../../storage/local-storage.ts";
import { createToolContext } from "../context.ts";
import type { ToolContext, ToolServices } from "../tool.ts";

export type ToolHarness = {
  database: TestDatabase;
  dataDir: string;
  /** A signed-up user with `credits` to spend; returns the id. */
  addUser(id: string, credits?: number): Promise<string>;
  context(
    userId: string,
    options?: { projectId?: string; jobs?: JobQueue; services?: ToolServices },
  ): ToolContext;
  close(): Promise<void>;
};

const noJobs: JobQueue = {
  enqueue: () => Promise.reject(new Error("this test harness has no job queue; pass one to context()")),
};

/** A real database and storage for running tools through the registry, as the surfaces do. */
export async function createToolHarness(): Promise<ToolHarness> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "nollyai-tools-"));
  const storage = createLocalStorage(path.join(dataDir, "files"));
  const logger = createLogger({ level: "silent" });
  return {
    database,
    dataDir,
    async addUser(id, credits = 100) {
      await database.db
        .insert(user)
        .values({ id, name: id, email: `${id}@example.com`, emailVerified: true });
      await database.db.insert(profiles).values({ ownerId: id, displayName: id, credits });
      return id;
    },
    context(userId, options = {}) {
      return createToolContext(
        {
          db: database.db,
          storage,
          jobs: options.jobs ?? noJobs,
          logger,
          ffmpeg: { ffmpeg: "ffmpeg", ffprobe: "ffprobe" },
          ...(options.services ? { services: options.services } : {}),
        },
        { userId, ...(options.projectId ? { projectId: options.projectId } : {}) },
      );
    },
    async close() {
      await database.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
