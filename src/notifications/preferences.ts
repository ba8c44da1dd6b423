import { z } from "zod";
import type { NotificationKind, NotificationPreferencesRecord } from "../db/schema/notifications.ts";

/** The preferences a user may change (all optional in an update). */
export const preferencesInput = z.object({
  emailJobFinished: z.boolean().optional(),
  emailJobFailed: z.boolean().optional(),
  emailCreditsLow: z.boolean().optional(),
  creditsLowThreshold: z.number().int().min(0).max(1_000_000).nullable().optional(),
});

export type PreferencesInput = z.infer<typeof preferencesInput>;

/** The effective preferences: the stored row, or the defaults (failures and low credits e-mailed). */
export type NotificationPreferences = {
  emailJobFinished: boolean;
  emailJobFailed: boolean;
  emailCreditsLow: boolean;
  creditsLowThreshold: number;
};

export function effectivePreferences(
  row: NotificationPreferencesRecord | undefined,
  defaultThreshold: number,
): NotificationPreferences {
  return {
    emailJobFinished: row?.emailJobFinished ?? false,
    emailJobFailed: row?.emailJobFailed ?? true,
    emailCreditsLow: row?.emailCreditsLow ?? true,
    creditsLowThreshold: row?.creditsLowThreshold ?? defaultThreshold,
  };
}

/** Whether this kind of notification is e-mailed under these preferences. */
export function wantsEmail(preferences: NotificationPreferences, kind: NotificationKind): boolean {
  if (kind === "job-finished") return preferences.emailJobFinished;
  if (kind === "job-failed") return preferences.emailJobFailed;
  return preferences.emailCreditsLow;
}
