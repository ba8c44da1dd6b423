import { randomUUID } from "node:crypto";
import {
  convertToModelMessages,
  createUIMessageStream,
  stepCountIs,
  streamText,
  type UIMessage,
  type UIMessageChunk,
} from "ai";
import { spendCredits } from "../credits/ledger.ts";
import {
  createThread,
  getThread,
  listMessages,
  recordTokenUsage,
  saveMessage,
  touchThread,
} from "../db/queries/conversations.ts";
import { listFiles } from "../db/queries/files.ts";
import { getProject } from "../db/queries/projects.ts";
import { userScope } from "../db/rls.ts";
import { AppError } from "../lib/errors.ts";
import { createToolContext } from "../tools/context.ts";
import type { AgentDeps, Passage } from "./agent-deps.ts";
import { toAiTools } from "./ai-tools.ts";
import { applyApprovalResponses } from "./approvals.ts";
import { type ChatRequest, maxMessageCharacters, messageText } from "./message-input.ts";
import { buildSystemPrompt } from "./system-prompt.ts";

export type AgentTurn = {
  threadId: string;
  /** The UI message stream (`useChat` protocol) of the assistant's reply. */
  stream: ReadableStream<UIMessageChunk>;
  /** Resolves once the reply is stored, whether or not anyone read the stream to the end. */
  stored: Promise<UIMessage | undefined>;
};

/**
 * One agent turn: validates the message, charges for it, stores it, retrieves passages from the project,
 * and streams the model's reply with the registry's tools. The reply is stored even if the client goes
 * away mid-stream; `signal` is for an explicit stop.
 */
export async function startAgentTurn(
  deps: AgentDeps,
  input: { userId: string; request: ChatRequest; signal?: AbortSignal },
): Promise<AgentTurn> {
  const { userId, request } = input;
  const scope = userScope(deps.db, userId);
  const text = messageText(request.message);
  if (request.message.role === "user") validateUserText(text);

  const existingThread = await scope(async (tx) => {
    if (request.threadId) return getThread(tx, request.threadId);
    if (request.projectId) await getProject(tx, request.projectId);
    return undefined;
  });
  const history = existingThread
    ? (await scope((tx) => listMessages(tx, existingThread.id))).map(
        (row) =>
          ({
            id: row.id,
            role: row.role,
            parts: row.parts,
            metadata: row.metadata ?? undefined,
          }) as UIMessage,
      )
    : [];

  let incoming: UIMessage;
  if (request.message.role === "user") {
    if (history.some((message) => message.id === request.message.id)) {
      throw new AppError("conflict:message", "This message was already sent; reload the conversation.");
    }
    incoming = { id: request.message.id, role: "user", parts: [{ type: "text", text }] };
    // Charged before anything is stored: when credits are short, nothing is written at all.
    if (deps.settings.messageCredits > 0) {
      await spendCredits(deps.db, {
        userId,
        amount: deps.settings.messageCredits,
        reference: `message:${incoming.id}`,
        description: "Chat message",
      });
    }
  } else {
    const last = history.at(-1);
    if (!last || last.id !== request.message.id || last.role !== "assistant") {
      throw new AppError(
        "conflict:approval",
        "Only the latest reply can be approved; reload the conversation.",
      );
    }
    incoming = applyApprovalResponses(last, request.message);
  }
  const thread =
    existingThread ??
    (await scope((tx) =>
      createThread(tx, { ownerId: userId, projectId: request.projectId ?? null, title: titleFrom(text) }),
    ));
  await scope((tx) =>
    saveMessage(tx, {
      id: incoming.id,
      threadId: thread.id,
      ownerId: userId,
      role: incoming.role,
      parts: incoming.parts,
    }),
  );
  const conversation =
    request.message.role === "user" ? [...history, incoming] : [...history.slice(0, -1), incoming];

  const projectId = thread.projectId ?? undefined;
  let resolveStored: (message: UIMessage | undefined) => void = () => {};
  const stored = new Promise<UIMessage | undefined>((resolve) => {
    resolveStored = resolve;
  });
  // An approval continues the waiting reply; a new message gets a new one.
  const replyId = request.message.role === "assistant" ? incoming.id : randomUUID();
  const uiStream = createUIMessageStream({
    originalMessages: conversation,
    generateId: randomUUID,
    onError: (error) => describeError(error),
    // The stream opens at once; retrieval and the prompt are prepared while the client already listens.
    execute: async ({ writer }) => {
      writer.write({ type: "start", messageId: replyId });
      const result = await startModel(deps, {
        userId,
        thread,
        projectId,
        conversation,
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
    projectId ? projectSummary(deps, userId, projectId) : undefined,
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

function validateUserText(text: string): void {
  if (!text)
    throw new AppError("bad_request:message", "The message is empty: write what you want the studio to do.");
  if (text.length > maxMessageCharacters) {
    throw new AppError(
      "bad_request:message",
      `The message is ${text.length.toLocaleString("en")} characters; the limit is ${maxMessageCharacters.toLocaleString("en")}. Upload long text as a file instead.`,
    );
  }
}

function titleFrom(text: string): string {
  const line = text.split("\n")[0]?.trim() ?? "";
  return line.length > 60 ? `${line.slice(0, 57)}…` : line || "New conversation";
}

function lastUserText(conversation: UIMessage[]): string {
  const last = conversation.findLast((message) => message.role === "user");
  return last ? messageText({ id: last.id, role: "user", parts: last.parts }) : "";
}

async function projectSummary(deps: AgentDeps, userId: string, projectId: string) {
  return userScope(
    deps.db,
    userId,
  )(async (tx) => {
    const project = await getProject(tx, projectId);
    const files = await listFiles(tx, { projectId });
    return {
      id: project.id,
      title: project.title,
      files: files.map(({ id, name, kind }) => ({ id, name, kind })),
      recentJobs: [] as { id: string; tool: string; status: string }[],
    };
  });
}

function describeError(error: unknown): string {
  if (error instanceof AppError) return error.message;
  return "The assistant hit a problem on our side. Try again in a moment.";
}
