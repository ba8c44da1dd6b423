import type { NotificationKind, NotificationRecord } from "../db/schema/notifications.ts";

/** What clients see of a notification. */
export type NotificationSnapshot = Omit<
  NotificationRecord,
  "ownerId" | "readAt" | "createdAt" | "updatedAt"
> & {
  readAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** The live event pushed when a notification is created or grows by a grouped repeat. */
export type NotificationEvent = { type: "notification-created"; notification: NotificationSnapshot };

/** One occurrence to notify a user of. */
export type NotificationInput = {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  jobId?: string;
  data?: Record<string, unknown>;
};

export function toNotificationSnapshot(record: NotificationRecord): NotificationSnapshot {
  const { ownerId: _ownerId, ...rest } = record;
  return {
    ...rest,
    readAt: record.readAt?.toISOString() ?? null,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}
