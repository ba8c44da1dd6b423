import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "./client.ts";
import { lockDataDir } from "./data-dir-lock.ts";

const directories: string[] = [];
function freshDirectory(): string {
  const directory = mkdtempSync(path.join(os.tmpdir(), "nollyai-lock-"));
  directories.push(directory);
  return path.join(directory, "db");
}
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe("embedded data directory lock", () => {
  it("refuses a second opener with a message that says what to do, and frees the directory on close", async () => {
    const dataDir = freshDirectory();
    const first = await createDb({ mode: "pglite", dataDir });
    await expect(createDb({ mode: "pglite", dataDir })).rejects.toMatchObject({
      code: "conflict:data_dir",
      message: expect.stringMatching(/in use by another process .*connect to it instead/s),
    });
    await first.db.execute("SELECT 1");
    await first.close();
    expect(existsSync(`${dataDir}.pid`)).toBe(false);
    const second = await createDb({ mode: "pglite", dataDir });
    await second.close();
  });

  it("takes over the lock of a process that is gone", async () => {
    const dataDir = freshDirectory();
    const child = spawn(process.execPath, ["-e", ""]);
    const deadPid = child.pid ?? 0;
    await new Promise((resolve) => child.once("exit", resolve));
    writeFileSync(`${dataDir}.pid`, String(deadPid));
    const lock = lockDataDir(dataDir);
    lock.release();
    expect(existsSync(`${dataDir}.pid`)).toBe(false);
  });

  it("refuses while a live process holds the lock", async () => {
    const dataDir = freshDirectory();
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60_000)"]);
    try {
      writeFileSync(`${dataDir}.pid`, String(child.pid));
      expect(() => lockDataDir(dataDir)).toThrow(`pid ${child.pid}`);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
