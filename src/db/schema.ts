/** The whole drizzle schema, one file per aggregate under `schema/`. */
export { account, rateLimit, session, user, verification } from "./schema/auth.ts";
export { fileKind, fileKinds, files } from "./schema/files.ts";
export { mailOutbox } from "./schema/mail.ts";
export { profiles } from "./schema/profiles.ts";
export { projects } from "./schema/projects.ts";

import { files as filesTable } from "./schema/files.ts";

/** Tables whose rows belong to one project and go when it is deleted (each has `projectId`). */
export const projectScopedTables = { files: filesTable };
