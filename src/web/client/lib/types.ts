import type { UIMessage } from "ai";
import type { z } from "zod";
import type { CreditTransaction } from "../../../db/schema/credits.ts";
import type { FileKind } from "../../../db/schema/files.ts";
import type { JobStatus } from "../../../jobs/job-queue.ts";
import type { JobSnapshot } from "../../../jobs/job-service.ts";
import type { NotificationSnapshot } from "../../../notifications/notification-types.ts";
import type { deleteProjectTool } from "../../../tools/delete-project.ts";
import type { fileView, projectView } from "../../../tools/shared-schemas.ts";
import type { SessionUser } from "../../server/current-user.ts";

/** Shapes the API sends, taken from the server's own declarations (types only). */
export type Project = z.infer<typeof projectView>;
export type StudioFile = z.infer<typeof fileView>;
export type { FileKind, SessionUser };

export type Profile = { displayName: string; credits: number };
export type Me = { user: SessionUser; profile: Profile };

export type Thread = {
  id: string;
  projectId: string | null;
  title: string;
  createdAt: string;
  updatedAt: string;
};

export type ThreadWithMessages = { thread: Thread; messages: UIMessage[] };

/** What deleting a project removed: the same report from `DELETE /api/projects/:id` and `delete-project`. */
export type ProjectDeletion = z.infer<typeof deleteProjectTool.outputSchema>["deleted"];

/** A job as the jobs API and the event stream describe it. */
export type { JobSnapshot, JobStatus };

/** A notification as the API and the event stream send it. */
export type StudioNotification = NotificationSnapshot;

/** One entry of the credit ledger, as `GET /api/credits` sends it (dates as ISO strings). */
export type CreditEntry = Omit<CreditTransaction, "ownerId" | "createdAt"> & { createdAt: string };
