import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createInterface } from "node:readline";
import { inject } from "vitest";
import { createDb } from "../../db/client.ts";
import { serverDatabaseUrl, testServerAdminUrl } from "../../db/testing/server-url.ts";

const entry = path.resolve(import.meta.dirname, "server-entry.ts");

export type ChildServer = {
  process: ChildProcess;
  /** The next JSON line the child prints whose `type` matches. */
  next(type: string): Promise<Record<string, unknown>>;
  kill(signal?: NodeJS.Signals): Promise<void>;
};

/** Starts `server-entry.ts` as a real child process with this environment (and an optional job plan). */
export function startChildServer(environment: Record<string, string>, plan?: unknown): ChildServer {
  // Node itself with tsx's loader: the `tsx` binary runs node as a grandchild that a SIGKILL would not reach.
  const child = spawn(process.execPath, ["--import", "tsx", entry, ...(plan ? [JSON.stringify(plan)] : [])], {
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "silent", ...environment },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: Record<string, unknown>[] = [];
  const waiters: { type: string; resolve: (line: Record<string, unknown>) => void }[] = [];
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  createInterface({ input: child.stdout! }).on("line", (text) => {
    if (!text.startsWith("{")) return;
    const line = JSON.parse(text) as Record<string, unknown>;
    const index = waiters.findIndex((waiter) => waiter.type === line.type);
    if (index >= 0) waiters.splice(index, 1)[0]?.resolve(line);
    else lines.push(line);
  });
  return {
    process: child,
    next(type) {
      const index = lines.findIndex((line) => line.type === type);
      if (index >= 0) return Promise.resolve(lines.splice(index, 1)[0]!);
      return new Promise((resolve, reject) => {
        waiters.push({ type, resolve });
        void exited.then(() =>
          setTimeout(() => reject(new Error(`child exited before "${type}": ${stderr.slice(-2000)}`)), 200),
        );
      });
    },
    async kill(signal = "SIGKILL") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** A fresh database on the test PostgreSQL server (copied from the run's template), or undefined. */
export async function createServerDatabase(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const adminUrl = testServerAdminUrl();
  const template = inject("serverTemplateDatabase");
  if (!adminUrl || !template) return undefined;
  const name = `${template.replace("_tpl_", "_t_")}_${randomBytes(4).toString("hex")}`;
  const admin = await createDb({ mode: "postgres", url: adminUrl, maxConnections: 1 });
  await admin.client.unsafe(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  return {
    url: serverDatabaseUrl(adminUrl, name),
    async drop() {
      await admin.client.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}
