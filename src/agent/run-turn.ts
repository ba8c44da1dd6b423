import { randomUUID } from "node:crypto";
import {
  convertToModelMessages,
  createUIMessageStream,
  stepCountIs,
  streamText,
  type UIMessage,
  type UIMessageChunk,
} from "ai";
import { recordTokenUsage, saveMessage, touchThread } from "../db/queries/conversations.ts";
import { userScope } from "../db/rls.ts";
import { AppError } from "../lib/errors.ts";
import { createToolContext } from "../tools/context.ts";
import type { AgentDeps, Passage } from "./agent-deps.ts";
import { toAiTools } from "./ai-tools.ts";
import { type ChatRequest, messageText } from "./message-input.ts";
import { openTurn } from "./open-turn.ts";
import { projectSummary } from "./project-summary.ts";
import { buildSystemPrompt } from "./system-prompt.ts";
import { yieldToIo } from "./yield-to-io.ts";

export type AgentTurn = {
  threadId: string;
  /** The UI message stream (`useChat` protocol) of the assistant's reply. */
  stream: ReadableStream<UIMessageChunk>;
  /** Resolves once the reply is stored, whether or not anyone read the stream to the end. */
  stored: Promise<UIMessage | undefined>;
};

/**
 * One agent turn. Before anything streams, `openTurn` settles what decides the answer's status (thread
 * ownership, approval, credits) and stores the message, all or nothing; the reply's stream then opens at once,
 * and the conversation, retrieval, the prompt and the model are read while the client already listens. The
 * reply is stored even if the client goes away mid-stream; `signal` is for an explicit stop.
 */
export async function startAgentTurn(
  deps: AgentDeps,
  input: { userId: string; request: ChatRequest; signal?: AbortSignal },
): Promise<AgentTurn> {
  const { userId, request } = input;
  const scope = userScope(deps.db, userId);
  const { thread, conversation, incoming } = await openTurn(deps, { userId, request });

  const projectId = thread.projectId ?? undefined;
  let resolveStored: (message: UIMessage | undefined) => void = () => {};
  const stored = new Promise<UIMessage | undefined>((resolve) => {
    resolveStored = resolve;
  });
  // An approval continues the waiting reply; a new message gets a new one.
  const replyId = request.message.role === "assistant" ? incoming.id : randomUUID();
  const uiStream = createUIMessageStream({
    // Only the last message decides whether the reply continues one (an approval) or is new.
    originalMessages: [incoming],
    generateId: randomUUID,
    onError: (error) => describeError(error),
    execute: async ({ writer }) => {
      writer.write({ type: "start", messageId: replyId });
      // The client gets its first byte now, not after retrieval and the prompt are ready.
      await yieldToIo();
      const result = await startModel(deps, {
        userId,
        thread,
        projectId,
        conversation: await conversation(),
        signal: input.signal,
      });
      writer.merge(result.toUIMessageStream({ sendStart: false, onError: (error) => describeError(error) }));
    },
    onFinish: async ({ responseMessage }) => {
      try {
        await scope(async (tx) => {
          await saveMessage(tx, {
            id: responseMessage.id,
            threadId: thread.id,
            ownerId: userId,
            role: "assistant",
            parts: responseMessage.parts,
          });
          await touchThread(tx, thread.id);
        });
        resolveStored(responseMessage);
      } catch (error) {
        deps.logger.error({ err: error, threadId: thread.id }, "could not store the reply");
        resolveStored(undefined);
      }
    },
  });
  // One copy goes to the client; the other is always read to the end, so the reply is stored even if the
  // connection drops mid-stream.
  const [forClient, forStorage] = uiStream.tee();
  void drain(forStorage);
  return { threadId: thread.id, stream: forClient, stored };
}

/** Retrieves passages, builds the system prompt and the caller's tool set, and starts the model. */
async function startModel(
  deps: AgentDeps,
  input: {
    userId: string;
    thread: { id: string };
    projectId: string | undefined;
    conversation: UIMessage[];
    signal: AbortSignal | undefined;
  },
) {
  const { userId, projectId, conversation } = input;
  const scope = userScope(deps.db, userId);
  const question = lastUserText(conversation);
  const [project, passages] = await Promise.all([
    projectId ? projectSummary(scope, projectId) : undefined,
    projectId && question && deps.findPassages
      ? deps.findPassages({ userId, projectId, query: question, k: 6 }).catch((error: unknown): Passage[] => {
          deps.logger.warn({ err: error }, "retrieval failed; answering without passages");
          return [];
        })
      : [],
  ]);
  const context = createToolContext(
    {
      db: deps.db,
      storage: deps.storage,
      jobs: deps.jobs,
      logger: deps.logger,
      ffmpeg: deps.ffmpeg,
      ...(deps.toolServices ? { services: deps.toolServices } : {}),
    },
    { userId, ...(projectId ? { projectId } : {}), ...(input.signal ? { signal: input.signal } : {}) },
  );
  const tools = toAiTools({
    tools: deps.tools,
    context,
    approvalCreditThreshold: deps.settings.approvalCreditThreshold,
  });
  const system = buildSystemPrompt({
    tools: deps.tools.map(({ name, title, description, annotations }) => ({
      name,
      title,
      description,
      annotations,
    })),
    ...(project ? { project } : {}),
    passages,
  });
  return streamText({
    model: deps.chatModel.model,
    system,
    messages: await convertToModelMessages(conversation, { tools }),
    tools,
    stopWhen: stepCountIs(deps.settings.maxSteps),
    ...(deps.chatModel.providerOptions ? { providerOptions: deps.chatModel.providerOptions } : {}),
    ...(input.signal ? { abortSignal: input.signal } : {}),
    onFinish: async ({ totalUsage }) => {
      await scope((tx) =>
        recordTokenUsage(tx, {
          ownerId: userId,
          threadId: input.thread.id,
          model: deps.chatModel.id,
          inputTokens: totalUsage.inputTokens ?? 0,
          outputTokens: totalUsage.outputTokens ?? 0,
        }),
      );
    },
  });
}

async function drain(stream: ReadableStream<unknown>): Promise<void> {
  const reader = stream.getReader();
  while (!(await reader.read()).done) {
    // reading to the end is the point
  }
}

function lastUserText(conversation: UIMessage[]): string {
  const last = conversation.findLast((message) => message.role === "user");
  return last ? messageText({ id: last.id, role: "user", parts: last.parts }) : "";
}

function describeError(error: unknown): string {
  if (error instanceof AppError) return error.message;
  return "The assistant hit a problem on our side. Try again in a moment.";
}
