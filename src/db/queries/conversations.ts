import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { AppError } from "../../lib/errors.ts";
import { isId } from "../../lib/ids.ts";
import type { Database } from "../client.ts";
import { postgresError, postgresErrorCode, postgresErrors } from "../errors.ts";
import type { UserTransaction } from "../rls.ts";
import { selectRows } from "../rows.ts";
import { messages, type StoredMessage, type Thread, threads, tokenUsage } from "../schema/conversations.ts";
import { projectNotFound } from "./projects.ts";

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

/**
 * Creates a thread, in a project when `projectId` is given: a project the caller cannot see is
 * `not_found:project` (the threads policy's WITH CHECK refuses it, so no separate lookup is needed).
 */
export async function createThread(
  tx: UserTransaction,
  input: { ownerId: string; projectId?: string | null; title?: string },
): Promise<Thread> {
  const projectId = input.projectId ?? null;
  if (projectId !== null && !isId(projectId)) throw projectNotFound();
  try {
    const [thread] = await tx
      .insert(threads)
      .values({ ownerId: input.ownerId, projectId, ...(input.title ? { title: input.title } : {}) })
      .returning();
    return thread!;
  } catch (error) {
    if (projectId !== null && postgresErrorCode(error) === postgresErrors.insufficientPrivilege) {
      throw projectNotFound();
    }
    throw error;
  }
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

/**
 * Stores a message, or updates its parts when it is already in this thread (a reply continued after an
 * approval). Inserting first makes the common case one statement; an id used by another conversation, the
 * caller's or anyone's, is `conflict:message`.
 */
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
  const inserted = await tx
    .insert(messages)
    .values(input)
    .onConflictDoNothing({ target: messages.id })
    .returning({ id: messages.id });
  if (inserted.length > 0) return;
  const updated = await tx
    .update(messages)
    .set({ parts: input.parts, ...(input.metadata ? { metadata: input.metadata } : {}) })
    .where(and(eq(messages.id, input.id), eq(messages.threadId, input.threadId)))
    .returning({ id: messages.id });
  if (updated.length === 0) {
    throw new AppError("conflict:message", "That message id belongs to another conversation.");
  }
}

export async function recordTokenUsage(
  tx: UserTransaction,
  input: { ownerId: string; threadId: string; model: string; inputTokens: number; outputTokens: number },
): Promise<void> {
  await tx.insert(tokenUsage).values(input);
}

export function threadNotFound(): AppError {
  return new AppError(
    "not_found:thread",
    "No such conversation. List your conversations or start a new one.",
  );
}

/** Why `openUserTurn` refused: nothing was stored and nothing charged. `balance` comes with a short balance. */
export type TurnRefusal = { refused: (typeof refusalCodes)[number]; balance?: number };

/** What `open_user_turn` raises (as the exception's message) when it refuses a turn. */
const refusalCodes = [
  "not_found:thread",
  "not_found:project",
  "not_found:profile",
  "conflict:message",
  "payment_required:credits",
] as const;
const refusals = new Set<string>(refusalCodes);

/**
 * Opens a chat turn for a user message in one statement (migration 0012's `open_user_turn`): the thread found,
 * or created in a project the user can see; the message stored; its price charged to the ledger by
 * `reference`. All of it or none of it.
 */
export async function openUserTurn(
  db: Database,
  input: {
    userId: string;
    threadId?: string;
    projectId?: string;
    title: string;
    message: { id: string; parts: unknown[] };
    price: number;
    reference: string;
    description: string;
  },
): Promise<{ thread: Pick<Thread, "id" | "projectId"> } | TurnRefusal> {
  if (input.threadId !== undefined && !isId(input.threadId)) return { refused: "not_found:thread" };
  if (input.projectId !== undefined && !isId(input.projectId)) return { refused: "not_found:project" };
  try {
    const [row] = await selectRows<{ id: string; project_id: string | null }>(
      db,
      sql`SELECT id, project_id FROM open_user_turn(${input.userId}, ${input.threadId ?? null}::uuid,
            ${input.projectId ?? null}::uuid, ${input.title}, ${input.message.id},
            ${JSON.stringify(input.message.parts)}::jsonb, ${input.price}, ${input.reference}, ${input.description})`,
    );
    return { thread: { id: row!.id, projectId: row!.project_id } };
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return refusal;
    throw error;
  }
}

function refusalOf(error: unknown): TurnRefusal | undefined {
  const raised = postgresError(error);
  if (raised?.code !== postgresErrors.raisedException || !refusals.has(raised.message)) return undefined;
  const refused = raised.message as TurnRefusal["refused"];
  return raised.detail ? { refused, balance: Number(raised.detail) } : { refused };
}
