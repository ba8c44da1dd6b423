import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { UserTransaction } from "../rls.ts";
import { user } from "../schema/auth.ts";
import {
  type NotificationKind,
  type NotificationPreferencesRecord,
  type NotificationRecord,
  notificationPreferences,
  notifications,
} from "../schema/notifications.ts";

/** The newest unread notification of a kind updated since `since`: the one a repeat is grouped into. */
export async function findGroupableNotification(
  tx: UserTransaction,
  key: { ownerId: string; kind: NotificationKind; since: Date },
): Promise<NotificationRecord | undefined> {
  const [row] = await tx
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.ownerId, key.ownerId),
        eq(notifications.kind, key.kind),
        isNull(notifications.readAt),
        gt(notifications.updatedAt, key.since),
      ),
    )
    .orderBy(desc(notifications.updatedAt))
    .limit(1)
    .for("update");
  return row;
}

export async function insertNotification(
  tx: UserTransaction,
  values: typeof notifications.$inferInsert,
): Promise<NotificationRecord> {
  const [row] = await tx.insert(notifications).values(values).returning();
  return row!;
}

/** Folds one more occurrence into a grouped notification. */
export async function growNotification(
  tx: UserTransaction,
  id: string,
  patch: { title: string; body: string; jobId: string | null; data: Record<string, unknown> },
): Promise<NotificationRecord> {
  const [row] = await tx
    .update(notifications)
    .set({ ...patch, count: sql`${notifications.count} + 1`, updatedAt: new Date() })
    .where(eq(notifications.id, id))
    .returning();
  return row!;
}

export async function findNotification(
  tx: UserTransaction,
  id: string,
): Promise<NotificationRecord | undefined> {
  const [row] = await tx.select().from(notifications).where(eq(notifications.id, id));
  return row;
}

export async function listNotifications(
  tx: UserTransaction,
  options: { unreadOnly: boolean; limit: number },
): Promise<NotificationRecord[]> {
  return tx
    .select()
    .from(notifications)
    .where(options.unreadOnly ? isNull(notifications.readAt) : undefined)
    .orderBy(desc(notifications.updatedAt))
    .limit(options.limit);
}

export async function countUnread(tx: UserTransaction): Promise<number> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(isNull(notifications.readAt));
  return row?.count ?? 0;
}

/** Marks one notification (or, without an id, all of them) read; returns how many changed. */
export async function markRead(tx: UserTransaction, id?: string): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(isNull(notifications.readAt), id ? eq(notifications.id, id) : undefined))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function findPreferences(
  tx: UserTransaction,
  ownerId: string,
): Promise<NotificationPreferencesRecord | undefined> {
  const [row] = await tx
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.ownerId, ownerId));
  return row;
}

export async function upsertPreferences(
  tx: UserTransaction,
  values: typeof notificationPreferences.$inferInsert,
): Promise<NotificationPreferencesRecord> {
  const { ownerId: _ownerId, ...changes } = values;
  const [row] = await tx
    .insert(notificationPreferences)
    .values(values)
    .onConflictDoUpdate({
      target: notificationPreferences.ownerId,
      set: { ...changes, updatedAt: new Date() },
    })
    .returning();
  return row!;
}

/** The address to e-mail a user at (system work: the auth tables are not tenant tables). */
export async function findUserEmail(tx: UserTransaction, userId: string): Promise<string | undefined> {
  const [row] = await tx.select({ email: user.email }).from(user).where(eq(user.id, userId));
  return row?.email;
}
