/** The whole drizzle schema, one file per aggregate under `schema/`. */

import { breakdowns } from "./schema/breakdowns.ts";
import { threads } from "./schema/conversations.ts";
import { files } from "./schema/files.ts";
import { gradeVersions } from "./schema/grades.ts";
import { jobs } from "./schema/jobs.ts";
import { chunks } from "./schema/retrieval.ts";

export { accessTokenScopes, accessTokens } from "./schema/access-tokens.ts";
export { account, rateLimit, session, user, verification } from "./schema/auth.ts";
export { breakdownCorrections, breakdowns, extractionCache } from "./schema/breakdowns.ts";
export { chunkTerms } from "./schema/chunk-terms.ts";
export { messages, threads, tokenUsage } from "./schema/conversations.ts";
export { creditTransactionKind, creditTransactionKinds, creditTransactions } from "./schema/credits.ts";
export { fileKind, fileKinds, files } from "./schema/files.ts";
export { gradeVersions, userPresets } from "./schema/grades.ts";
export { jobStatusEnum, jobSteps, jobs } from "./schema/jobs.ts";
export { mailOutbox } from "./schema/mail.ts";
export { notificationKinds, notificationPreferences, notifications } from "./schema/notifications.ts";
export { profiles } from "./schema/profiles.ts";
export { projects } from "./schema/projects.ts";
export { chunks } from "./schema/retrieval.ts";

/** Tables whose rows belong to one project and go when it is deleted (each has `projectId`). */
export const projectScopedTables = { files, chunks, threads, jobs, breakdowns, gradeVersions };
