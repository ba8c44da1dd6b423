import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { tools } from "../tools/index.ts";
import { repositoryRoot } from "./testing/mcp-clients.ts";
import { seededDataDir } from "./testing/seeded-data-dir.ts";

const run = promisify(execFile);
const dataDirs: string[] = [];
const freshDataDir = async () => {
  const directory = await seededDataDir();
  dataDirs.push(directory);
  return directory;
};
afterAll(() => {
  for (const directory of dataDirs) rmSync(directory, { recursive: true, force: true });
});

describe("the official MCP Inspector (CLI mode)", () => {
  it("lists and calls the tools over stdio", { timeout: 180_000 }, async () => {
    const inspector = path.join(
      repositoryRoot,
      "node_modules/@modelcontextprotocol/inspector/cli/build/cli.js",
    );
    const dataDir = await freshDataDir();
    const server = [
      "-e",
      `NOLLYAI_DATA_DIR=${dataDir}`,
      "-e",
      "LOG_LEVEL=warn",
      "--",
      process.execPath,
      "--import",
      "tsx",
      "src/mcp-server/stdio.ts",
    ];
    const listed = await run(process.execPath, [inspector, "--cli", ...server, "--method", "tools/list"], {
      cwd: repositoryRoot,
    });
    const names = (JSON.parse(listed.stdout) as { tools: { name: string }[] }).tools.map((tool) => tool.name);
    // The registry, then the job tools the studio's job service adds.
    expect(names).toEqual([...tools.map((tool) => tool.name), "get-job", "cancel-job"]);
    const called = await run(
      process.execPath,
      [
        inspector,
        "--cli",
        ...server,
        "--method",
        "tools/call",
        "--tool-name",
        "create-project",
        "--tool-arg",
        "title=Inspector",
      ],
      { cwd: repositoryRoot },
    );
    expect(JSON.parse(called.stdout).structuredContent.project.title).toBe("Inspector");
  });
});
