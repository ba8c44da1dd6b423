import { randomUUID } from "node:crypto";
import { readUIMessageStream, type UIMessage } from "ai";
import { unavailableJobQueue } from "../../jobs/unavailable-job-queue.ts";
import { createLogger } from "../../lib/logger.ts";
import type { ChatModel } from "../../providers/language-model.ts";
import { tools } from "../../tools/index.ts";
import type { ToolHarness } from "../../tools/testing/tool-harness.ts";
import type { AgentDeps, PassageFinder } from "../agent-deps.ts";
import { startAgentTurn } from "../run-turn.ts";

/** Agent deps over a tool harness's real database and storage, with the given chat model. */
export function agentDeps(
  harness: ToolHarness,
  chatModel: ChatModel,
  options: { findPassages?: PassageFinder; messageCredits?: number } = {},
): AgentDeps {
  return {
    db: harness.database.db,
    storage: harness.context("nobody").storage,
    jobs: unavailableJobQueue,
    logger: createLogger({ level: "silent" }),
    ffmpeg: { ffmpeg: "ffmpeg", ffprobe: "ffprobe" },
    tools,
    chatModel,
    ...(options.findPassages ? { findPassages: options.findPassages } : {}),
    settings: { messageCredits: options.messageCredits ?? 2, approvalCreditThreshold: 50, maxSteps: 6 },
  };
}

/** Sends one user message and reads the streamed reply to its end. */
export async function say(
  deps: AgentDeps,
  input: { userId: string; text: string; threadId?: string; projectId?: string },
) {
  const turn = await startAgentTurn(deps, {
    userId: input.userId,
    request: {
      ...(input.threadId ? { threadId: input.threadId } : {}),
      ...(input.projectId ? { projectId: input.projectId } : {}),
      message: { id: randomUUID(), role: "user", parts: [{ type: "text", text: input.text }] },
    },
  });
  let reply: UIMessage | undefined;
  for await (const snapshot of readUIMessageStream({ stream: turn.stream })) reply = snapshot;
  await turn.stored;
  return { threadId: turn.threadId, reply: reply! };
}

/** The text of a message's text parts. */
export function textOf(message: UIMessage): string {
  return message.parts
    .filter((part): part is { type: "text"; text: string } => part.type === "text")
    .map((part) => part.text)
    .join("");
}
