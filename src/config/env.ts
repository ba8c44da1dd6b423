import path from "node:path";
import { z } from "zod";

const megabytes = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"], { error: "expected true or false" })
    .default(fallback ? "true" : "false")
    .transform((value) => value === "true" || value === "1" || value === "yes");
const optionalUrl = z.url({ error: "expected a URL such as http://localhost:11434/v1" }).optional();
const commaList = (example: string) =>
  z
    .string()
    .regex(/^[^,\s]+(\s*,\s*[^,\s]+)*$/, { error: `expected a comma-separated list such as ${example}` })
    .transform((value) => value.split(",").map((item) => item.trim()))
    .optional();

/**
 * Every setting of the studio. With no environment at all it runs in embedded mode: PGlite under the data
 * directory, local files, the offline model and the embedded job executor.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce
    .number({ error: "expected a port number" })
    .int()
    .min(0)
    .max(65535, { error: "expected a port number from 0 to 65535" })
    .default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  PUBLIC_URL: optionalUrl,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NOLLYAI_DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: "expected a postgres:// or postgresql:// connection URL" })
    .optional(),
  AUTH_SECRET: z.string().min(32, { error: "expected at least 32 characters of random secret" }).optional(),
  EMAIL_VERIFICATION_REQUIRED: flag(true),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { error: "expected smtp:// or smtps:// URL" })
    .optional(),
  MAIL_FROM: z.string().default("NollyAI Studio <studio@localhost>"),
  SIGN_IN_RATE_LIMIT: z.coerce.number().int().positive().default(5),
  SIGNUP_CREDITS: z.coerce.number().int().min(0).default(100),
  FFMPEG_PATH: z.string().default("ffmpeg"),
  FFPROBE_PATH: z.string().default("ffprobe"),
  UPLOAD_LIMIT_SCREENPLAY_MB: megabytes(20),
  UPLOAD_LIMIT_IMAGE_MB: megabytes(50),
  UPLOAD_LIMIT_AUDIO_MB: megabytes(1024),
  UPLOAD_LIMIT_VIDEO_MB: megabytes(4096),
  UPLOAD_LIMIT_MODEL_MB: megabytes(500),
  UPLOAD_LIMIT_LUT_MB: megabytes(50),
  GOOGLE_GENERATIVE_AI_API_KEY: z.string().min(1).optional(),
  GEMINI_BASE_URL: optionalUrl,
  GEMINI_CHAT_MODEL: z.string().default("gemini-2.5-flash"),
  GEMINI_EMBEDDING_MODEL: z.string().default("gemini-embedding-001"),
  OPENAI_COMPATIBLE_BASE_URL: optionalUrl,
  OPENAI_COMPATIBLE_API_KEY: z.string().optional(),
  OPENAI_COMPATIBLE_MODEL: z.string().default("llama3.1"),
  OPENAI_COMPATIBLE_EMBEDDING_MODEL: z.string().optional(),
  CHAT_MESSAGE_CREDITS: z.coerce.number().int().min(0).default(2),
  APPROVAL_CREDIT_THRESHOLD: z.coerce.number().int().min(0).default(50),
  INNGEST_EVENT_KEY: z.string().min(1).optional(),
  INNGEST_SIGNING_KEY: z.string().min(1).optional(),
  INNGEST_BASE_URL: optionalUrl,
  INNGEST_DEV: z.string().min(1).optional(),
  JOB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  JOB_USER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  JOB_LEASE_SECONDS: z.coerce.number().positive().default(30),
  JOB_RETRY_BASE_SECONDS: z.coerce.number().positive().default(2),
  JOB_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
  CREDITS_LOW_THRESHOLD: z.coerce.number().int().min(0).default(20),
  NOTIFICATION_GROUP_MINUTES: z.coerce.number().int().min(0).default(10),
  /** MCP over stdio: the personal access token naming the user the server acts as. */
  NOLLYAI_TOKEN: z.string().min(1).optional(),
  /** MCP over HTTP: Host names accepted at `/mcp` (default: loopback names and the public URL's host). */
  MCP_ALLOWED_HOSTS: commaList("studio.example.com,localhost"),
  /** MCP over HTTP: browser origins accepted at `/mcp` (default: the public URL's origin). */
  MCP_ALLOWED_ORIGINS: commaList("https://studio.example.com"),
});

export type Env = z.infer<typeof envSchema>;

/** Derived settings that several parts need in one agreed form. */
export type Config = Env & {
  dataDir: string;
  databaseMode: "pglite" | "postgres";
  publicUrl: string;
  /** Inngest runs the jobs when it is configured (keys, a self-hosted URL or dev mode); else the embedded executor. */
  jobEngine: "inngest" | "embedded";
};

/** Parses `source` (the process environment by default), or throws one message naming each bad variable. */
export function parseConfig(source: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = issue.path.join(".");
      return `  ${name}: ${issue.message} (got ${JSON.stringify(present[name])})`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = result.data;
  return {
    ...env,
    dataDir: path.resolve(env.NOLLYAI_DATA_DIR),
    databaseMode: env.DATABASE_URL ? "postgres" : "pglite",
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    jobEngine:
      env.INNGEST_SIGNING_KEY ||
      env.INNGEST_EVENT_KEY ||
      env.INNGEST_BASE_URL ||
      (env.INNGEST_DEV && !["0", "false", "no"].includes(env.INNGEST_DEV))
        ? "inngest"
        : "embedded",
  };
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

let cached: Config | undefined;

/** The configuration of this process, read from `process.env` once. */
export function loadConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
