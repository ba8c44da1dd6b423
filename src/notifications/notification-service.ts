import type { Database } from "../db/client.ts";
import {
  countUnread,
  findGroupableNotification,
  findNotification,
  findPreferences,
  findUserEmail,
  growNotification,
  insertNotification,
  listNotifications,
  markRead,
  upsertPreferences,
} from "../db/queries/notifications.ts";
import { type UserTransaction, withSystem, withUser } from "../db/rls.ts";
import { AppError } from "../lib/errors.ts";
import { isId } from "../lib/ids.ts";
import type { Logger } from "../lib/logger.ts";
import type { Mailer } from "../mail/mailer.ts";
import {
  type NotificationEvent,
  type NotificationInput,
  type NotificationSnapshot,
  toNotificationSnapshot,
} from "./notification-types.ts";
import {
  effectivePreferences,
  type NotificationPreferences,
  type PreferencesInput,
  wantsEmail,
} from "./preferences.ts";

/** The part of the studio's live event bus that notifications use. */
export type NotificationBus = {
  publish(tx: UserTransaction, userId: string, event: NotificationEvent): Promise<void>;
  subscribe(userId: string, listener: (event: { type: string }) => void): Promise<() => Promise<void>>;
};

/** A mail to send once the transaction that recorded its notification has committed. */
export type PendingMail = { userId: string; subject: string; text: string };

export type NotificationServiceOptions = {
  db: Database;
  bus: NotificationBus;
  mailer: Mailer;
  logger: Logger;
  publicUrl: string;
  /** Repeats of one kind within this many minutes are grouped into one notification. */
  groupMinutes: number;
  creditsLowThreshold: number;
};

/**
 * Notifications: stored per user, pushed live, e-mailed by preference, repeats grouped. `record` runs inside
 * the transaction that caused the notice (a job finishing), so a notice exists exactly when its cause does.
 */
export function createNotificationService(options: NotificationServiceOptions) {
  const { db, bus } = options;

  async function record(tx: UserTransaction, input: NotificationInput): Promise<PendingMail | undefined> {
    const since = new Date(Date.now() - options.groupMinutes * 60_000);
    // Both reads go out together: a repeat grows a row every notice of the kind locks, so the fewer round
    // trips between that lock and the commit, the less concurrent job completions wait for each other.
    const [existing, storedPreferences] = await Promise.all([
      options.groupMinutes > 0
        ? findGroupableNotification(tx, { ownerId: input.userId, kind: input.kind, since })
        : undefined,
      findPreferences(tx, input.userId),
    ]);
    const patch = {
      title: input.title,
      body: input.body,
      jobId: input.jobId ?? null,
      data: input.data ?? {},
    };
    const notification = existing
      ? await growNotification(tx, existing.id, {
          ...patch,
          title: `${input.title} (and ${existing.count} more)`,
        })
      : await insertNotification(tx, { ownerId: input.userId, kind: input.kind, ...patch });
    await bus.publish(tx, input.userId, {
      type: "notification-created",
      notification: toNotificationSnapshot(notification),
    });
    const preferences = effectivePreferences(storedPreferences, options.creditsLowThreshold);
    // A grouped repeat is not mailed again: one mail per burst.
    if (existing || !wantsEmail(preferences, input.kind)) return undefined;
    return {
      userId: input.userId,
      subject: input.title,
      text: `${input.body}\n\nOpen NollyAI Studio: ${options.publicUrl}\n\nChange which notices you get by e-mail in your settings.`,
    };
  }

  /** Sends mail recorded by `record` after its transaction committed; a mail failure is logged, not thrown. */
  async function deliver(mail: PendingMail | undefined): Promise<void> {
    if (!mail) return;
    try {
      const email = await withSystem(db, (tx) => findUserEmail(tx, mail.userId));
      if (email) await options.mailer.send({ to: email, subject: mail.subject, text: mail.text });
    } catch (error) {
      options.logger.error({ err: error, userId: mail.userId }, "notification mail could not be sent");
    }
  }

  return {
    record,
    deliver,

    /** Records and delivers one notification in its own transaction. */
    async notify(input: NotificationInput): Promise<void> {
      await deliver(await withSystem(db, (tx) => record(tx, input)));
    },

    /** Records a low-credits notice when a balance change crossed below the user's threshold. */
    async recordCreditsChange(
      tx: UserTransaction,
      change: { userId: string; previousBalance: number; balance: number },
    ): Promise<PendingMail | undefined> {
      const preferences = effectivePreferences(
        await findPreferences(tx, change.userId),
        options.creditsLowThreshold,
      );
      const threshold = preferences.creditsLowThreshold;
      if (!(change.previousBalance >= threshold && change.balance < threshold)) return undefined;
      return record(tx, {
        userId: change.userId,
        kind: "credits-low",
        title: "Your credits are running low",
        body: `You have ${change.balance} credits left (your alert is set at ${threshold}). Buy more credits to keep jobs running.`,
        data: { balance: change.balance, threshold },
      });
    },

    async list(userId: string, filter: { unreadOnly?: boolean; limit?: number } = {}) {
      return withUser(db, userId, async (tx) => ({
        notifications: (
          await listNotifications(tx, { unreadOnly: filter.unreadOnly ?? false, limit: filter.limit ?? 50 })
        ).map(toNotificationSnapshot),
        unread: await countUnread(tx),
      }));
    },

    /** Marks one notification read; another user's or an unknown id is `not_found:notification`. */
    async markRead(userId: string, notificationId: string): Promise<void> {
      const found =
        isId(notificationId) &&
        (await withUser(db, userId, async (tx) => {
          const exists = await findNotification(tx, notificationId);
          if (exists) await markRead(tx, notificationId);
          return Boolean(exists);
        }));
      if (!found) {
        throw new AppError(
          "not_found:notification",
          "No such notification. List your notifications to find it.",
        );
      }
    },

    async markAllRead(userId: string): Promise<number> {
      return withUser(db, userId, (tx) => markRead(tx));
    },

    async preferences(userId: string): Promise<NotificationPreferences> {
      return withUser(db, userId, async (tx) =>
        effectivePreferences(await findPreferences(tx, userId), options.creditsLowThreshold),
      );
    },

    async updatePreferences(userId: string, input: PreferencesInput): Promise<NotificationPreferences> {
      return withUser(db, userId, async (tx) => {
        const current = effectivePreferences(await findPreferences(tx, userId), options.creditsLowThreshold);
        const row = await upsertPreferences(tx, {
          ownerId: userId,
          emailJobFinished: input.emailJobFinished ?? current.emailJobFinished,
          emailJobFailed: input.emailJobFailed ?? current.emailJobFailed,
          emailCreditsLow: input.emailCreditsLow ?? current.emailCreditsLow,
          creditsLowThreshold:
            input.creditsLowThreshold === undefined ? current.creditsLowThreshold : input.creditsLowThreshold,
        });
        return effectivePreferences(row, options.creditsLowThreshold);
      });
    },

    /** Live notifications of one user. */
    subscribe(userId: string, listener: (event: NotificationEvent) => void) {
      return bus.subscribe(userId, (event) => {
        if (event.type === "notification-created") listener(event as NotificationEvent);
      });
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
export type { NotificationSnapshot };
