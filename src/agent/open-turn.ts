import type { UIMessage } from "ai";
import { spendCreditsWithin } from "../credits/ledger.ts";
import { createThread, getThread, listMessages, saveMessage } from "../db/queries/conversations.ts";
import { withUser } from "../db/rls.ts";
import type { Thread } from "../db/schema/conversations.ts";
import { AppError } from "../lib/errors.ts";
import type { AgentDeps } from "./agent-deps.ts";
import { applyApprovalResponses } from "./approvals.ts";
import { type ChatRequest, maxMessageCharacters, messageText } from "./message-input.ts";

/** A turn that may start: its thread, and the conversation the model continues (ending with `incoming`). */
export type OpenedTurn = { thread: Thread; conversation: UIMessage[]; incoming: UIMessage };

/**
 * Everything that must be settled before a reply may start streaming, in one transaction: the message is
 * valid, the thread (or project) is the caller's (`not_found:*` otherwise), an approval answers the waiting
 * reply, the message is paid for (`payment_required:credits`), and the thread and the message are stored.
 * All of it commits together or not at all: a refused turn leaves no thread, no message and no charge.
 */
export async function openTurn(
  deps: Pick<AgentDeps, "db" | "settings">,
  input: { userId: string; request: ChatRequest },
): Promise<OpenedTurn> {
  const { userId, request } = input;
  const text = messageText(request.message);
  if (request.message.role === "user") validateUserText(text);

  return withUser(deps.db, userId, async (tx) => {
    const existingThread = request.threadId ? await getThread(tx, request.threadId) : undefined;
    const history = existingThread ? (await listMessages(tx, existingThread.id)).map(toUIMessage) : [];

    let incoming: UIMessage;
    let conversation: UIMessage[];
    if (request.message.role === "user") {
      if (history.some((message) => message.id === request.message.id)) {
        throw new AppError("conflict:message", "This message was already sent; reload the conversation.");
      }
      incoming = { id: request.message.id, role: "user", parts: [{ type: "text", text }] };
      conversation = [...history, incoming];
    } else {
      const last = history.at(-1);
      if (!last || last.id !== request.message.id || last.role !== "assistant") {
        throw new AppError(
          "conflict:approval",
          "Only the latest reply can be approved; reload the conversation.",
        );
      }
      incoming = applyApprovalResponses(last, request.message);
      conversation = [...history.slice(0, -1), incoming];
    }

    const thread =
      existingThread ??
      (await createThread(tx, {
        ownerId: userId,
        projectId: request.projectId ?? null,
        title: titleFrom(text),
      }));
    if (incoming.role === "user" && deps.settings.messageCredits > 0) {
      await spendCreditsWithin(tx, {
        userId,
        amount: deps.settings.messageCredits,
        reference: `message:${incoming.id}`,
        description: "Chat message",
      });
    }
    await saveMessage(tx, {
      id: incoming.id,
      threadId: thread.id,
      ownerId: userId,
      role: incoming.role,
      parts: incoming.parts,
    });
    return { thread, conversation, incoming };
  });
}

function toUIMessage(row: Awaited<ReturnType<typeof listMessages>>[number]): UIMessage {
  return {
    id: row.id,
    role: row.role,
    parts: row.parts,
    metadata: row.metadata ?? undefined,
  } as UIMessage;
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
