import type { UIMessage } from "ai";
import { notEnoughCredits } from "../credits/ledger.ts";
import { profileNotFound } from "../credits/ledger-entry.ts";
import {
  getThread,
  listMessages,
  openUserTurn,
  saveMessage,
  type TurnRefusal,
  threadNotFound,
} from "../db/queries/conversations.ts";
import { projectNotFound } from "../db/queries/projects.ts";
import { withUser } from "../db/rls.ts";
import type { Thread } from "../db/schema/conversations.ts";
import { AppError } from "../lib/errors.ts";
import type { AgentDeps } from "./agent-deps.ts";
import { applyApprovalResponses } from "./approvals.ts";
import { type ChatRequest, maxMessageCharacters, messageText } from "./message-input.ts";

/** A turn that may start: its thread, the incoming message, and the conversation the model continues. */
export type OpenedTurn = {
  thread: Pick<Thread, "id" | "projectId">;
  /** The user's message, or the waiting reply with the user's approval answers applied. */
  incoming: UIMessage;
  /** The conversation ending with `incoming`; for a new message it is read after the reply starts streaming. */
  conversation: () => Promise<UIMessage[]>;
};

/**
 * Everything that must be settled before a reply may start streaming: the message is valid, the thread (or
 * project) is the caller's (`not_found:*` otherwise), an approval answers the waiting reply, the message is paid
 * for (`payment_required:credits`), and the thread and the message are stored. All of it commits together or
 * not at all: a refused turn leaves no thread, no message and no charge. A new message takes one statement
 * (`openUserTurn`); the conversation it continues is read when the model needs it.
 */
export async function openTurn(
  deps: Pick<AgentDeps, "db" | "settings">,
  input: { userId: string; request: ChatRequest },
): Promise<OpenedTurn> {
  const { userId, request } = input;
  const text = messageText(request.message);
  if (request.message.role !== "user") return openApproval(deps, { userId, request });
  validateUserText(text);
  const incoming: UIMessage = { id: request.message.id, role: "user", parts: [{ type: "text", text }] };
  const opened = await openUserTurn(deps.db, {
    userId,
    ...(request.threadId ? { threadId: request.threadId } : {}),
    ...(request.projectId ? { projectId: request.projectId } : {}),
    title: titleFrom(text),
    message: { id: incoming.id, parts: incoming.parts },
    price: deps.settings.messageCredits,
    reference: `message:${incoming.id}`,
    description: "Chat message",
  });
  if ("refused" in opened) throw refusalError(opened, deps.settings.messageCredits);
  const { thread } = opened;
  return {
    thread,
    incoming,
    conversation: async () =>
      (await withUser(deps.db, userId, (tx) => listMessages(tx, thread.id))).map(toUIMessage),
  };
}

/** An approval continues the waiting reply of the thread, in one transaction with its checks. */
async function openApproval(
  deps: Pick<AgentDeps, "db">,
  input: { userId: string; request: ChatRequest },
): Promise<OpenedTurn> {
  const { userId, request } = input;
  return withUser(deps.db, userId, async (tx) => {
    const thread = request.threadId ? await getThread(tx, request.threadId) : undefined;
    const history = thread ? (await listMessages(tx, thread.id)).map(toUIMessage) : [];
    const last = history.at(-1);
    if (!thread || !last || last.id !== request.message.id || last.role !== "assistant") {
      throw new AppError(
        "conflict:approval",
        "Only the latest reply can be approved; reload the conversation.",
      );
    }
    const incoming = applyApprovalResponses(last, request.message);
    await saveMessage(tx, {
      id: incoming.id,
      threadId: thread.id,
      ownerId: userId,
      role: incoming.role,
      parts: incoming.parts,
    });
    const conversation = [...history.slice(0, -1), incoming];
    return { thread, incoming, conversation: async () => conversation };
  });
}

function refusalError(refusal: TurnRefusal, price: number): AppError {
  switch (refusal.refused) {
    case "payment_required:credits":
      return notEnoughCredits(price, refusal.balance);
    case "not_found:thread":
      return threadNotFound();
    case "not_found:project":
      return projectNotFound();
    case "not_found:profile":
      return profileNotFound();
    case "conflict:message":
      return new AppError("conflict:message", "This message was already sent; reload the conversation.");
  }
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
