import { Inngest } from "inngest";
import type { Config } from "../config/env.ts";
import type { Logger } from "../lib/logger.ts";
import { checkpointFetch } from "./embedded/checkpoints.ts";

type LogArguments = unknown[];
let target: Logger | undefined;

/** Forwards the SDK's logging to the studio's pino logger once one is set (silent until then). */
const forwardingLogger = {
  info: (...args: LogArguments) => log("info", args),
  warn: (...args: LogArguments) => log("warn", args),
  error: (...args: LogArguments) => log("error", args),
  debug: (...args: LogArguments) => log("debug", args),
};

function log(level: "info" | "warn" | "error" | "debug", args: LogArguments): void {
  if (!target) return;
  const [first, ...rest] = args;
  if (typeof first === "string") target[level]({ source: "inngest", details: rest }, first);
  else target[level]({ source: "inngest", details: first }, rest.map(String).join(" ") || "inngest");
}

/**
 * The studio's one Inngest client. Every job function is created on it; both engines (Inngest itself and
 * the embedded executor) run those same functions. Checkpointing is the SDK's blocking default (each step is
 * checkpointed before the next starts); its fetch answers the embedded executor's checkpoints in process and
 * sends everything else to Inngest.
 */
export const inngest = new Inngest({
  id: "nollyai",
  logger: forwardingLogger,
  fetch: checkpointFetch as typeof fetch,
  checkpointing: { bufferedSteps: 1 },
});

export type InngestClient = typeof inngest;

/**
 * Hands the client its settings from the studio's configuration (the SDK would otherwise read the process
 * environment itself). With no Inngest configured the embedded executor drives the functions in process,
 * and the client runs in dev mode, where the serve protocol needs no request signatures.
 */
export function configureInngest(client: InngestClient, config: Config, logger?: Logger): void {
  if (logger) target = logger.child({ component: "inngest" });
  const settings: Record<string, string> = {};
  if (config.INNGEST_EVENT_KEY) settings.INNGEST_EVENT_KEY = config.INNGEST_EVENT_KEY;
  if (config.INNGEST_SIGNING_KEY) settings.INNGEST_SIGNING_KEY = config.INNGEST_SIGNING_KEY;
  if (config.INNGEST_BASE_URL) settings.INNGEST_BASE_URL = config.INNGEST_BASE_URL;
  if (config.INNGEST_DEV) settings.INNGEST_DEV = config.INNGEST_DEV;
  if (config.jobEngine === "embedded") settings.INNGEST_DEV = "1";
  client.setEnvVars(settings);
}
