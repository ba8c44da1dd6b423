import path from "node:path";
import { accountDeletion } from "./account-deletion.ts";
import { createRetrievalService, type RetrievalService } from "./agent/retrieval/retrieval-service.ts";
import { resolveAuthSecret } from "./auth/auth-secret.ts";
import { createAuth } from "./auth/create-auth.ts";
import { createSessionCache } from "./auth/session-cache.ts";
import type { Config } from "./config/env.ts";
import { recordSignUpGrant } from "./credits/ledger.ts";
import { createDb, type DatabaseHandle } from "./db/client.ts";
import { migrateDatabase } from "./db/migrate.ts";
import { userScope } from "./db/rls.ts";
import { createJobSystem } from "./jobs/create-job-system.ts";
import type { AnyJobDefinition } from "./jobs/define-job.ts";
import { createLogger, type Logger } from "./lib/logger.ts";
import { createMailer } from "./mail/mailer.ts";
import { createEmbedder } from "./providers/embeddings/index.ts";
import { createChatModel } from "./providers/language-model.ts";
import { createLocalStorage } from "./storage/local-storage.ts";
import { uploadLimits } from "./storage/upload-limits.ts";
import { jobDefinitions, tools } from "./tools/index.ts";
import { modelGenerate } from "./tools/script/model-generate.ts";
import type { AppDeps } from "./web/server/app-deps.ts";

export type Studio = AppDeps & {
  /** Aborts `stopping`: long-lived responses end; call before closing the HTTP server. */
  beginStopping(): void;
  close(): Promise<void>;
};
export type { RetrievalService };

/**
 * The composition root: opens the database (PGlite under the data dir, or the server at DATABASE_URL),
 * migrates it, and builds storage, mail and auth. The server, the CLI and the MCP stdio server all start here.
 */
export async function createStudio(
  config: Config,
  overrides: {
    logger?: Logger;
    database?: DatabaseHandle;
    /** Job definitions instead of the registry's (tests of the job machinery). */
    jobDefinitions?: readonly AnyJobDefinition[];
    /** How often the embedded executor polls for work, in milliseconds. */
    jobPollMs?: number;
    /** Whether the embedded executor starts at once (default true). */
    startJobs?: boolean;
  } = {},
): Promise<Studio> {
  const logger = overrides.logger ?? createLogger({ level: config.LOG_LEVEL });
  const database =
    overrides.database ??
    (config.DATABASE_URL
      ? await createDb({ mode: "postgres", url: config.DATABASE_URL })
      : await createDb({ mode: "pglite", dataDir: path.join(config.dataDir, "db") }));
  await migrateDatabase(database);
  const storage = createLocalStorage(path.join(config.dataDir, "files"));
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, db: database.db, logger });
  const stopping = new AbortController();
  const sessions = createSessionCache({ database, logger });
  const ffmpeg = { ffmpeg: config.FFMPEG_PATH, ffprobe: config.FFPROBE_PATH };
  const retrieval = createRetrievalService({ embedder: createEmbedder(config) });
  const chatModel = createChatModel(
    config,
    tools.map(({ name, description, examples }) => ({ name, description, examples })),
  );
  // The model extractor of script breakdowns needs a real language model; the offline one maps requests.
  const scriptModel =
    chatModel.kind === "offline"
      ? undefined
      : { generate: modelGenerate(chatModel.model), modelId: chatModel.id };
  const services = { retrieval, ffmpeg, ...(scriptModel ? { scriptModel } : {}) };
  const jobSystem = createJobSystem({
    config,
    database,
    storage,
    mailer,
    logger,
    definitions: overrides.jobDefinitions ?? jobDefinitions,
    services,
    ...(overrides.jobPollMs ? { pollMs: overrides.jobPollMs } : {}),
  });
  if (overrides.startJobs !== false) await jobSystem.start();
  const jobs = jobSystem.jobs;
  const deletion = accountDeletion({ db: database.db, jobs, storage, logger });
  const auth = createAuth({
    db: database.db,
    sessions,
    mailer,
    secret: resolveAuthSecret(config.AUTH_SECRET, config.dataDir),
    publicUrl: config.publicUrl,
    requireEmailVerification: config.EMAIL_VERIFICATION_REQUIRED,
    signUpCredits: config.SIGNUP_CREDITS,
    signInRateLimit: config.SIGN_IN_RATE_LIMIT,
    onUserCreated: (userId) => recordSignUpGrant(database.db, userId, config.SIGNUP_CREDITS),
    onDeletingUser: deletion.beforeDeleting,
    onUserDeleted: deletion.afterDeleted,
  });
  const agent = {
    db: database.db,
    storage,
    jobs,
    logger,
    ffmpeg,
    tools,
    chatModel,
    toolServices: services,
    findPassages: async (input: { userId: string; projectId: string; query: string; k: number }) => {
      const { passages } = await retrieval.search(userScope(database.db, input.userId), {
        projectId: input.projectId,
        query: input.query,
        k: input.k,
      });
      return passages.map((passage) => ({ source: passage.source.label, content: passage.text }));
    },
    settings: {
      messageCredits: config.CHAT_MESSAGE_CREDITS,
      approvalCreditThreshold: config.APPROVAL_CREDIT_THRESHOLD,
      maxSteps: 6,
    },
  };
  return {
    config,
    database,
    agent,
    retrieval,
    jobSystem,
    jobs,
    storage,
    auth,
    sessions,
    mailer,
    logger,
    ffmpeg,
    uploadLimits: uploadLimits(config),
    clientDirectory: path.resolve(import.meta.dirname, "../dist/client"),
    stopping: stopping.signal,
    beginStopping: () => stopping.abort(),
    async close() {
      stopping.abort();
      await jobSystem.close();
      await sessions.close();
      await database.close();
    },
  };
}
