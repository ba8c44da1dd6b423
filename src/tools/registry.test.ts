import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveUpload } from "../storage/save-upload.ts";
import { findTool, tools } from "./index.ts";
import { runTool } from "./run-tool.ts";
import { createToolHarness, type ToolHarness } from "./testing/tool-harness.ts";

let harness: ToolHarness;

beforeAll(async () => {
  harness = await createToolHarness();
  await harness.addUser("ngozi");
  await harness.addUser("emeka");
});
afterAll(() => harness.close());

const run = (userId: string, name: string, input: unknown, projectId?: string) =>
  runTool(findTool(name)!, harness.context(userId, projectId ? { projectId } : {}), input);

describe("the tool registry", () => {
  it("declares every tool with a verb-first kebab-case name, examples and object schemas", () => {
    const names = tools.map((tool) => tool.name);
    expect(new Set(names).size).toBe(names.length);
    for (const tool of tools) {
      expect(tool.name).toMatch(/^[a-z]+(-[a-z]+)+$/);
      expect(tool.examples.length).toBeGreaterThanOrEqual(2);
      expect(tool.description.length).toBeGreaterThan(20);
      expect(tool.annotations.readOnly && tool.annotations.destructive).toBe(false);
    }
  });

  it("runs project tools as the caller, filling the conversation's project when it is left out", async () => {
    const { project } = (await run("ngozi", "create-project", { title: "Eko Nights" })) as {
      project: { id: string };
    };
    await run("ngozi", "rename-project", { title: "Eko Nights II" }, project.id);
    const fetched = (await run("ngozi", "get-project", {}, project.id)) as { project: { title: string } };
    expect(fetched.project.title).toBe("Eko Nights II");
    const listed = (await run("ngozi", "list-projects", {})) as { projects: unknown[] };
    expect(listed.projects).toHaveLength(1);
    expect(((await run("emeka", "list-projects", {})) as { projects: unknown[] }).projects).toHaveLength(0);
    await expect(run("emeka", "get-project", { projectId: project.id })).rejects.toMatchObject({
      code: "not_found:project",
    });
  });

  it("reads text files and refuses binaries with a reason", async () => {
    const { project } = (await run("ngozi", "create-project", { title: "Reader" })) as {
      project: { id: string };
    };
    const storage = harness.context("ngozi").storage;
    const file = await saveUpload({
      db: harness.database.db,
      storage,
      limits: { screenplay: 1e6, document: 1e6, image: 1e6, audio: 1e6, video: 1e6, model: 1e6, lut: 1e6 },
      userId: "ngozi",
      projectId: project.id,
      fileName: "scene.fountain",
      body: Readable.from([Buffer.from("INT. GARAGE - NIGHT\n\nBrick tinkers with the car.\n")]),
    });
    const read = (await run("ngozi", "get-file-text", { fileId: file.id, maxLength: 19 })) as {
      text: string;
      truncated: boolean;
    };
    expect(read.text).toBe("INT. GARAGE - NIGHT");
    expect(read.truncated).toBe(true);
    const files = (await run("ngozi", "list-files", { kind: "screenplay" }, project.id)) as {
      files: unknown[];
    };
    expect(files.files).toHaveLength(1);
    await expect(run("emeka", "get-file-text", { fileId: file.id })).rejects.toMatchObject({
      code: "not_found:file",
    });
  });

  it("says which argument is missing or wrong", async () => {
    await expect(run("ngozi", "rename-project", { title: "x" })).rejects.toMatchObject({
      code: "bad_request:tool_input",
      message: expect.stringMatching(/projectId is required/),
    });
    await expect(run("ngozi", "get-project", { projectId: "nope" })).rejects.toMatchObject({
      message: expect.stringMatching(/projectId must be a project id/),
    });
  });

  it("reports credits and deletes a project with a report", async () => {
    expect(await run("ngozi", "get-credits", {})).toEqual({ balance: 100 });
    const { project } = (await run("ngozi", "create-project", { title: "Doomed" })) as {
      project: { id: string };
    };
    const deleted = (await run("ngozi", "delete-project", { projectId: project.id })) as {
      deleted: { rows: Record<string, number> };
    };
    expect(deleted.deleted.rows.projects).toBe(1);
  });
});
