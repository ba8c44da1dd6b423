import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { AppError } from "../lib/errors.ts";

/** What holds the embedded database's directory; `release` gives it up (idempotent). */
export type DataDirLock = { release(): void };

/**
 * Claims the embedded database directory for this process. PGlite is a single-process database: a second
 * process opening the same files (say `npm start` and `npm run mcp` at once) would corrupt them, so it is
 * refused with a message saying what to do instead. The lock is a file beside the directory (`<dir>.pid`, since
 * the database's own directory must stay PostgreSQL's) holding the owner's pid; a lock whose process is gone
 * (killed, crashed) is taken over.
 */
export function lockDataDir(directory: string): DataDirLock {
  const lockPath = `${path.resolve(directory)}.pid`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const descriptor = openSync(lockPath, "wx");
      writeSync(descriptor, String(process.pid));
      closeSync(descriptor);
      return ownedLock(lockPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(lockPath);
      if (holder !== undefined && processIsAlive(holder)) {
        throw new AppError(
          "conflict:data_dir",
          `The embedded database in ${directory} is in use by another process (pid ${holder}). Only one ` +
            "process may open it: stop that process, or while the studio runs connect to it instead (MCP over " +
            "HTTP at /mcp, the web app), or set DATABASE_URL so several processes share a PostgreSQL server.",
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new AppError(
    "conflict:data_dir",
    `Could not claim the embedded database in ${directory}; try again.`,
  );
}

function ownedLock(lockPath: string): DataDirLock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off("exit", release);
    if (readHolder(lockPath) === process.pid) rmSync(lockPath, { force: true });
  };
  process.on("exit", release);
  return { release };
}

function readHolder(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
