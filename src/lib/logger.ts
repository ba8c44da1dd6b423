import pino, { type Logger } from "pino";

export type { Logger };

/** Creates the process logger; object first, message second: `logger.info({ jobId }, "job started")`. */
export function createLogger(options: { level: string; destination?: 1 | 2 }): Logger {
  return pino(
    {
      level: options.level,
      redact: ["req.headers.authorization", "req.headers.cookie", "*.password", "*.token"],
    },
    pino.destination(options.destination ?? 1),
  );
}
