import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** A mail the studio kept in its outbox (logged as a pino JSON line "mail kept in outbox"). */
export type KeptMail = { to: string; subject: string; text: string };

export type StudioServer = {
  url: string;
  dataDirectory: string;
  /** Waits for a mail to `to` whose subject matches, as read from the server's log. */
  waitForMail(to: string, subject: RegExp, timeoutMilliseconds?: number): Promise<KeptMail>;
  /** The server's output so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function sleep(milliseconds: number) {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** `start`: `npm start` (`scripts/start.js`, which builds the web app when stale, then serves the build).
 * `dev`: the entry of `npm run dev` (`src/main.ts --dev`, the app through Vite) without tsx's file watcher,
 * so an edit elsewhere in the checkout cannot restart the server under a test. */
export type StudioCommand = "start" | "dev";

const commandArguments: Record<StudioCommand, string[]> = {
  start: [path.join(root, "scripts/start.js")],
  dev: [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "src/main.ts"), "--dev"],
};

/**
 * Starts the studio (`npm start` unless told `dev`) on a free port and a fresh temp `NOLLYAI_DATA_DIR`, and
 * waits for `/api/health`.
 */
export async function startStudio(
  extraEnvironment: Record<string, string> = {},
  command: StudioCommand = "start",
): Promise<StudioServer> {
  const dataDirectory = await mkdtemp(path.join(tmpdir(), "nollyai-e2e-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const lines: string[] = [];
  let log = "";
  const child: ChildProcess = spawn(process.execPath, commandArguments[command], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: url,
      NOLLYAI_DATA_DIR: dataDirectory,
      LOG_LEVEL: "info",
      ...extraEnvironment,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let pending = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    log += chunk;
    pending += chunk;
    const parts = pending.split("\n");
    pending = parts.pop() ?? "";
    lines.push(...parts);
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    log += chunk;
  });
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });

  const deadline = Date.now() + 480_000;
  for (;;) {
    if (exited) throw new Error(`The studio exited during start-up:\n${log.slice(-4000)}`);
    if (Date.now() > deadline)
      throw new Error(`The studio did not answer /api/health in time:\n${log.slice(-4000)}`);
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    await sleep(300);
  }

  return {
    url,
    dataDirectory,
    output: () => log,
    async waitForMail(to, subject, timeoutMilliseconds = 20_000) {
      const until = Date.now() + timeoutMilliseconds;
      while (Date.now() < until) {
        for (const line of lines) {
          if (!line.includes("mail kept in outbox")) continue;
          const entry = JSON.parse(line) as { msg?: string } & Partial<KeptMail>;
          if (
            entry.msg === "mail kept in outbox" &&
            entry.to === to &&
            entry.subject &&
            subject.test(entry.subject)
          ) {
            return { to: entry.to, subject: entry.subject, text: entry.text ?? "" };
          }
        }
        await sleep(200);
      }
      throw new Error(`No mail to ${to} matching ${subject} in the server log.`);
    },
    async stop() {
      if (!exited) {
        const gone = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await Promise.race([gone, sleep(5_000)]);
        if (!exited) child.kill("SIGKILL");
      }
      await rm(dataDirectory, { recursive: true, force: true });
    },
  };
}
