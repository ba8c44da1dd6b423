import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { AppError } from "../../lib/errors.ts";
import { isId } from "../../lib/ids.ts";
import type { UserTransaction } from "../rls.ts";
import { messages, type StoredMessage, type Thread, threads, tokenUsage } from "../schema/conversations.ts";

/** Conversation queries; all run inside `withUser`, so RLS limits them to the caller's threads. */

export async function listThreads(
  tx: UserTransaction,
  filter: { projectId?: string | null } = {},
): Promise<Thread[]> {
  const condition =
    filter.projectId === undefined
      ? undefined
      : filter.projectId === null
        ? isNull(threads.projectId)
        : eq(threads.projectId, filter.projectId);
  return tx.select().from(threads).where(condition).orderBy(desc(threads.updatedAt));
}

/** The thread, or `not_found:thread` for a malformed, unknown or foreign id alike. */
export async function getThread(tx: UserTransaction, threadId: string): Promise<Thread> {
  if (!isId(threadId)) throw threadNotFound();
  const [thread] = await tx.select().from(threads).where(eq(threads.id, threadId));
  if (!thread) throw threadNotFound();
  return thread;
}

export async function createThread(
  tx: UserTransaction,
  input: { ownerId: string; projectId?: string | null; title?: string },
): Promise<Thread> {
  const [thread] = await tx
    .insert(threads)
    .values({
      ownerId: input.ownerId,
      projectId: input.projectId ?? null,
      ...(input.title ? { title: input.title } : {}),
    })
    .returning();
  return thread!;
}

export async function renameThread(tx: UserTransaction, threadId: string, title: string): Promise<Thread> {
  await getThread(tx, threadId);
  const [thread] = await tx
    .update(threads)
    .set({ title, updatedAt: new Date() })
    .where(eq(threads.id, threadId))
    .returning();
  return thread!;
}

export async function touchThread(tx: UserTransaction, threadId: string): Promise<void> {
  await tx.update(threads).set({ updatedAt: new Date() }).where(eq(threads.id, threadId));
}

export async function deleteThread(tx: UserTransaction, threadId: string): Promise<Thread> {
  const thread = await getThread(tx, threadId);
  await tx.delete(threads).where(eq(threads.id, threadId));
  return thread;
}

export async function listMessages(tx: UserTransaction, threadId: string): Promise<StoredMessage[]> {
  return tx.select().from(messages).where(eq(messages.threadId, threadId)).orderBy(asc(messages.sequence));
}

/** Inserts a message, or updates its parts when a message with that id is already in the thread. */
export async function saveMessage(
  tx: UserTransaction,
  input: {
    id: string;
    threadId: string;
    ownerId: string;
    role: StoredMessage["role"];
    parts: unknown[];
    metadata?: Record<string, unknown>;
  },
): Promise<void> {
  const [existing] = await tx
    .select({ threadId: messages.threadId })
    .from(messages)
    .where(eq(messages.id, input.id));
  if (existing && existing.threadId !== input.threadId) {
    throw new AppError("conflict:message", "That message id belongs to another conversation.");
  }
  if (existing) {
    await tx
      .update(messages)
      .set({ parts: input.parts, ...(input.metadata ? { metadata: input.metadata } : {}) })
      .where(and(eq(messages.id, input.id), eq(messages.threadId, input.threadId)));
    return;
  }
  await tx.insert(messages).values(input);
}

export async function recordTokenUsage(
  tx: UserTransaction,
  input: { ownerId: string; threadId: string; model: string; inputTokens: number; outputTokens: number },
): Promise<void> {
  await tx.insert(tokenUsage).values(input);
}

function threadNotFound(): AppError {
  return new AppError(
    "not_found:thread",
    "No such conversation. List your conversations or start a new one.",
  );
}
