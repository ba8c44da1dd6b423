import type { Database } from "../db/client.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import type { Logger } from "../lib/logger.ts";
import type { FfmpegPaths } from "../media/ffmpeg/run.ts";
import type { ChatModel } from "../providers/language-model.ts";
import type { BlobStorage } from "../storage/blob-storage.ts";
import type { Tool, ToolServices } from "../tools/tool.ts";

/** A retrieved passage of project text, with where it came from. */
export type Passage = { source: string; content: string };

/** Finds the passages of a project that bear on a question (hybrid retrieval), as the caller. */
export type PassageFinder = (input: {
  userId: string;
  projectId: string;
  query: string;
  k: number;
}) => Promise<Passage[]>;

/** What an agent turn needs; built once by the composition root. */
export type AgentDeps = {
  db: Database;
  storage: BlobStorage;
  jobs: JobQueue;
  logger: Logger;
  ffmpeg: FfmpegPaths;
  tools: readonly Tool[];
  chatModel: ChatModel;
  findPassages?: PassageFinder;
  toolServices?: ToolServices;
  settings: {
    /** Credits charged per user message. */
    messageCredits: number;
    /** A single action costing more than this waits for the user's approval. */
    approvalCreditThreshold: number;
    /** The most steps (model calls) in one turn. */
    maxSteps: number;
  };
};
