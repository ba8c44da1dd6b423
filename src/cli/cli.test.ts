import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const screenplay = path.resolve(root, "../shared/fixtures/screenplays/brick-and-steel.fountain");
const dataDir = mkdtempSync(path.join(os.tmpdir(), "nollyai-cli-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `nollyai` as a user would, on its own embedded data directory. */
async function nollyai(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(root, "bin/nollyai.js"), ...args], {
      cwd: root,
      env: { ...process.env, NOLLYAI_DATA_DIR: dataDir, LOG_LEVEL: "warn" },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe("the nollyai command", () => {
  it("lists the registry's tools with their input schemas", async () => {
    const { code, stdout } = await nollyai("tools", "--json");
    expect(code).toBe(0);
    const listed = JSON.parse(stdout) as { name: string; inputSchema: { type: string } }[];
    expect(listed.map((tool) => tool.name)).toContain("search-project");
    expect(listed.find((tool) => tool.name === "create-project")?.inputSchema.type).toBe("object");
  });

  it("runs a tool on an uploaded file, filling its file id, in a project created on the way", async () => {
    const { code, stdout } = await nollyai(
      "run",
      "get-file-text",
      "--project",
      "Brick",
      "--file",
      screenplay,
      "--input",
      '{"maxLength": 40}',
      "--json",
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { text: string; file: { name: string } };
    expect(result.file.name).toBe("brick-and-steel.fountain");
    expect(result.text).toContain("BRICK & STEEL");
  });

  it("answers one agent turn as JSON and takes no unapproved destructive action", async () => {
    const listing = await nollyai("ask", "show my projects", "--json");
    expect(listing.code).toBe(0);
    expect(JSON.parse(listing.stdout)).toMatchObject({ toolCalls: [{ name: "list-projects" }] });
    const deletion = await nollyai("ask", "delete this project", "--project", "Brick", "--json");
    const answer = JSON.parse(deletion.stdout) as { approvalsPending: { tool: string }[] };
    expect(answer.approvalsPending.map((pending) => pending.tool)).toEqual(["delete-project"]);
  });

  it("exits non-zero with the error message when a tool fails", async () => {
    const { code, stderr } = await nollyai("run", "get-project", "--input", '{"projectId": "not-an-id"}');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/projectId must be a project id/);
    const unknown = await nollyai("run", "fly-to-lagos");
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/No tool "fly-to-lagos"/);
  });
});
