import pino from "pino";
import type { Logger } from "../lib/logger.ts";

/** A logger for the stdio server: stdout carries the protocol, so every log line goes to stderr. */
export function createStderrLogger(level: string): Logger {
  return pino(
    { level, redact: ["req.headers.authorization", "req.headers.cookie", "*.password", "*.token"] },
    pino.destination({ dest: 2, sync: true }),
  );
}
