import { rmSync } from "node:fs";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { tools } from "../tools/index.ts";
import { expectedListing } from "./testing/expected-listing.ts";
import { connectStdioClient, stdioStartupTimeoutMs } from "./testing/mcp-clients.ts";
import { seededDataDir } from "./testing/seeded-data-dir.ts";

const dataDirs: string[] = [];
const freshDataDir = async () => {
  const directory = await seededDataDir();
  dataDirs.push(directory);
  return directory;
};

let client: Client;
let jobsClient: Client;

beforeAll(async () => {
  [client, jobsClient] = await Promise.all([
    connectStdioClient("src/mcp-server/stdio.ts", {
      NOLLYAI_DATA_DIR: await freshDataDir(),
      LOG_LEVEL: "warn",
    }),
    connectStdioClient("src/mcp-server/testing/stdio-with-test-jobs.ts", {
      NOLLYAI_DATA_DIR: await freshDataDir(),
      LOG_LEVEL: "warn",
    }),
  ]);
}, stdioStartupTimeoutMs + 60_000);
afterAll(async () => {
  await Promise.all([client?.close(), jobsClient?.close()]);
  for (const directory of dataDirs) rmSync(directory, { recursive: true, force: true });
});

type ProjectResult = { project: { id: string; title: string } };

describe("the MCP server over stdio, embedded, as the local user", () => {
  it("lists exactly the registry's tools with their own input schemas, output schemas and hints", async () => {
    const { tools: listed } = await client.listTools();
    const registryNames = new Set(tools.map((tool) => tool.name));
    const fromRegistry = listed.filter((tool) => registryNames.has(tool.name));
    expect(fromRegistry.map(({ name, inputSchema }) => ({ name, inputSchema }))).toEqual(
      expectedListing(tools),
    );
    // The studio's job service is present, so the job tools are served beside the registry.
    expect(listed.filter((tool) => !registryNames.has(tool.name)).map((tool) => tool.name)).toEqual([
      "get-job",
      "cancel-job",
    ]);
    const deleteProject = listed.find((tool) => tool.name === "delete-project");
    expect(deleteProject?.annotations).toEqual({
      title: "Delete a project",
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: false,
      openWorldHint: false,
    });
    expect(deleteProject?.outputSchema?.type).toBe("object");
    expect(listed.find((tool) => tool.name === "list-projects")?.annotations?.readOnlyHint).toBe(true);
  });

  it("runs tools as the local user, with structured content and a text part", async () => {
    const created = await client.callTool({ name: "create-project", arguments: { title: "Eko Nights" } });
    expect(created.isError).toBeFalsy();
    const { project } = created.structuredContent as ProjectResult;
    expect(project.title).toBe("Eko Nights");
    expect(JSON.parse((created.content as { text: string }[])[0]!.text)).toEqual(created.structuredContent);

    const listed = await client.callTool({ name: "list-projects", arguments: {} });
    expect((listed.structuredContent as { projects: { id: string }[] }).projects.map((p) => p.id)).toContain(
      project.id,
    );
    const credits = await client.callTool({ name: "get-credits", arguments: {} });
    expect((credits.structuredContent as { balance: number }).balance).toBeGreaterThan(0);
  });

  it("answers failures as isError results that say what to do", async () => {
    const missing = await client.callTool({
      name: "get-project",
      arguments: { projectId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(missing.isError).toBe(true);
    expect((missing.content as { text: string }[])[0]!.text).toMatch(/List your projects.*not_found:project/);
    const invalid = await client.callTool({ name: "get-project", arguments: { projectId: "nope" } });
    expect(invalid.isError).toBe(true);
    expect((invalid.content as { text: string }[])[0]!.text).toMatch(/list projects to find it/);
  });

  it("lists and reads resources, and lists the workflow prompts", async () => {
    const created = await client.callTool({ name: "create-project", arguments: { title: "Danfo" } });
    const { project } = created.structuredContent as ProjectResult;
    const { resources } = await client.listResources();
    expect(resources.map((resource) => resource.uri)).toEqual(
      expect.arrayContaining(["nollyai://projects", `nollyai://projects/${project.id}`]),
    );
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((template) => template.uriTemplate)).toEqual(
      expect.arrayContaining(["nollyai://projects/{projectId}", "nollyai://files/{fileId}"]),
    );
    const read = await client.readResource({ uri: `nollyai://projects/${project.id}` });
    expect(JSON.parse((read.contents[0] as { text: string }).text)).toMatchObject({
      project: { title: "Danfo" },
    });

    const { prompts } = await client.listPrompts();
    expect(prompts.map((prompt) => prompt.name).sort()).toEqual([
      "break-down-script",
      "clean-dialogue-audio",
      "grade-to-reference",
    ]);
    const prompt = await client.getPrompt({
      name: "clean-dialogue-audio",
      arguments: { projectId: project.id, audioFileId: "f1", loudness: "podcast" },
    });
    expect((prompt.messages[0]!.content as { text: string }).text).toMatch(/-16 LUFS/);
  });
});

describe("long-running tools over stdio", () => {
  it("sends progress notifications until the job ends, then the handle with the final status", async () => {
    const updates: { progress: number; total?: number; message?: string }[] = [];
    const clientErrors: Error[] = [];
    jobsClient.onerror = (error) => clientErrors.push(error);
    const result = await jobsClient.callTool(
      { name: "render-test-reel", arguments: { frames: 4 } },
      undefined,
      { onprogress: (update) => updates.push(update) },
    );
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ status: "succeeded" });
    // Every rise of the job's progress, in order, all handled before the result.
    expect(updates.map((update) => update.progress)).toEqual([0, 25, 50, 74, 99, 100]);
    expect(updates.at(-1)).toMatchObject({ progress: 100, total: 100 });
    // No update reached the client after the result (the SDK client reports those as unknown tokens).
    expect(clientErrors).toEqual([]);
  });

  it("returns the job handle at once without a progress token; get-job and the job resource follow it", async () => {
    const started = await jobsClient.callTool({ name: "render-test-reel", arguments: { frames: 3 } });
    const { jobId, status } = started.structuredContent as { jobId: string; status: string };
    expect(status).toBe("queued");
    await vi.waitFor(async () => {
      const job = await jobsClient.callTool({ name: "get-job", arguments: { jobId } });
      expect((job.structuredContent as { job: { status: string } }).job.status).toBe("succeeded");
    });
    const read = await jobsClient.readResource({ uri: `nollyai://jobs/${jobId}` });
    expect(JSON.parse((read.contents[0] as { text: string }).text).job.output).toEqual({
      frames: 3,
      file: "reel.mp4",
    });
  });

  it("cancels the job when the client cancels the request", async () => {
    const controller = new AbortController();
    const call = jobsClient.callTool(
      { name: "render-test-reel", arguments: { frames: 10, holdAtFrame: 2 } },
      undefined,
      {
        signal: controller.signal,
        onprogress: (update) => {
          if (update.message === "frame 2 of 10") controller.abort();
        },
      },
    );
    await expect(call).rejects.toThrow();
    await vi.waitFor(async () => {
      const listed = await jobsClient.readResource({ uri: "nollyai://jobs" });
      const jobs = JSON.parse((listed.contents[0] as { text: string }).text).jobs as { status: string }[];
      expect(jobs[0]?.status).toBe("cancelled");
    });
  });
});
