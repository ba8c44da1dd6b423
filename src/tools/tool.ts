import type { z } from "zod";
import type { UserScope } from "../db/rls.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import type { Logger } from "../lib/logger.ts";
import type { FfmpegPaths } from "../media/ffmpeg/run.ts";
import type { BlobStorage } from "../storage/blob-storage.ts";

/** Hints for clients (and the approval rules): what running the tool does. */
export type ToolAnnotations = {
  readOnly: boolean;
  destructive: boolean;
  longRunning: boolean;
  idempotent: boolean;
  /** Reaches outside the studio (a paid model service). */
  openWorld?: boolean;
};

/**
 * What a tool runs with: the caller's identity and only what the caller may see. `transaction` is the
 * database as the caller (RLS-scoped); there is no unscoped handle here on purpose.
 */
export type ToolContext = {
  user: { id: string };
  /** The project the conversation is about, used when a tool's `projectId` is left out. */
  projectId?: string;
  transaction: UserScope;
  storage: BlobStorage;
  jobs: JobQueue;
  logger: Logger;
  ffmpeg: FfmpegPaths;
  signal?: AbortSignal;
  /** The caller's credits (reading; spending happens through jobs and the agent). */
  credits: { balance(): Promise<number> };
  /** Services that tools may need beyond the basics (retrieval, models); filled by the composition root. */
  services: ToolServices;
};

/** Late-bound services, so `tools/` need not import `agent/` or `providers/` (dependency points down). */
export interface ToolServices {
  [name: string]: unknown;
}

export type ToolCost<Input> = number | ((input: Input) => number);

/** One studio capability, declared once and served to the agent, MCP, REST, the CLI and the bot. */
export type Tool<
  InputSchema extends z.ZodObject = z.ZodObject,
  OutputSchema extends z.ZodType = z.ZodType,
> = {
  /** kebab-case and verb-first: `list-projects`, `breakdown-script`. */
  name: string;
  title: string;
  /** Written for a model: when to use it, what it needs, what it returns. */
  description: string;
  inputSchema: InputSchema;
  outputSchema: OutputSchema;
  cost: ToolCost<z.infer<InputSchema>>;
  annotations: ToolAnnotations;
  /** Plain-language requests this tool answers (used by the offline model and in docs). */
  examples: string[];
  execute(context: ToolContext, input: z.infer<InputSchema>): Promise<z.infer<OutputSchema>>;
};

/** Declares a tool with its types inferred from the schemas. */
export function defineTool<InputSchema extends z.ZodObject, OutputSchema extends z.ZodType>(
  tool: Tool<InputSchema, OutputSchema>,
): Tool<InputSchema, OutputSchema> {
  return tool;
}

/** The credits a call will cost, before it runs. */
export function costOf<InputSchema extends z.ZodObject>(
  tool: Tool<InputSchema>,
  input: z.infer<InputSchema>,
): number {
  return typeof tool.cost === "function" ? tool.cost(input) : tool.cost;
}
