import { ensureLocalUser } from "../auth/local-user.ts";
import type { Config } from "../config/env.ts";
import { createProject, findProjectByTitle } from "../db/queries/projects.ts";
import { userScope } from "../db/rls.ts";
import { createLogger } from "../lib/logger.ts";
import { createStudio, type Studio } from "../studio.ts";

export type CliSession = { studio: Studio; userId: string; projectId(name: string): Promise<string> };

/** Opens the studio as the local user, quietly (logs only at warn and above, to stderr). */
export async function openCliSession(config: Config): Promise<CliSession> {
  const logger = createLogger({
    level: config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL,
    destination: 2,
  });
  const studio = await createStudio(config, { logger });
  const userId = await ensureLocalUser(studio.auth);
  const scope = userScope(studio.database.db, userId);
  return {
    studio,
    userId,
    async projectId(name) {
      const project = await scope(
        async (tx) =>
          (await findProjectByTitle(tx, name)) ?? createProject(tx, { ownerId: userId, title: name }),
      );
      return project.id;
    },
  };
}
