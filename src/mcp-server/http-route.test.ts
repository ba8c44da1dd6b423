import { Readable } from "node:stream";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { saveUpload } from "../storage/save-upload.ts";
import { tools } from "../tools/index.ts";
import { signedInClient } from "../web/server/testing/accounts.ts";
import { expectedListing } from "./testing/expected-listing.ts";
import { renderTestReelTool, renderTestReelWork } from "./testing/long-test-tool.ts";
import { connectHttpClient } from "./testing/mcp-clients.ts";
import { type McpTestStudio, startMcpTestStudio } from "./testing/mcp-test-studio.ts";
import { createTestJobService } from "./testing/test-job-service.ts";

let harness: McpTestStudio;
let client: Client;
let userId: string;

const served = [...tools, renderTestReelTool];

beforeAll(async () => {
  harness = await startMcpTestStudio({
    tools: served,
    jobs: createTestJobService({ "render-test-reel": renderTestReelWork }),
  });
  const browser = await signedInClient(harness.studio, harness.baseUrl, "amaka@example.com");
  userId = ((await browser.get("/api/me")).data.user as { id: string }).id;
  const created = await browser.post("/api/access-tokens", { name: "Claude Desktop", scope: "read-write" });
  expect(created.status).toBe(201);
  client = await connectHttpClient(harness.baseUrl, created.data.token as unknown as string);
});
afterAll(async () => {
  await client?.close();
  await harness?.close();
});

const text = (result: unknown) => (result as { content: { text: string }[] }).content[0]!.text;

describe("the MCP server over Streamable HTTP", () => {
  it("lists the served tools (registry first) plus get-job and cancel-job, with their own schemas", async () => {
    const { tools: listed } = await client.listTools();
    expect(listed.map((tool) => tool.name)).toEqual([
      ...served.map((tool) => tool.name),
      "get-job",
      "cancel-job",
    ]);
    expect(listed.slice(0, served.length).map(({ name, inputSchema }) => ({ name, inputSchema }))).toEqual(
      expectedListing(served),
    );
  });

  it("runs tools as the token's owner", async () => {
    const created = await client.callTool({ name: "create-project", arguments: { title: "Owambe" } });
    expect(created.structuredContent).toMatchObject({ project: { title: "Owambe" } });
    const listed = await client.callTool({ name: "list-projects", arguments: {} });
    expect((listed.structuredContent as { projects: unknown[] }).projects).toHaveLength(1);
  });

  it("follows a long tool with progress notifications, and cancels its job when the request is cancelled", async () => {
    const updates: number[] = [];
    const done = await client.callTool({ name: "render-test-reel", arguments: { frames: 3 } }, undefined, {
      onprogress: (update) => updates.push(update.progress),
    });
    expect(done.structuredContent).toMatchObject({ status: "succeeded" });
    expect(updates.at(-1)).toBe(100);
    expect(updates.length).toBeGreaterThanOrEqual(3);

    const controller = new AbortController();
    const cancelled = client.callTool(
      { name: "render-test-reel", arguments: { frames: 5, holdAtFrame: 1 } },
      undefined,
      {
        signal: controller.signal,
        onprogress: (update) => {
          if (update.message === "frame 1 of 5") controller.abort();
        },
      },
    );
    await expect(cancelled).rejects.toThrow();
    await vi.waitFor(async () => {
      const read = await client.readResource({ uri: "nollyai://jobs" });
      const jobs = JSON.parse((read.contents[0] as { text: string }).text).jobs as { status: string }[];
      expect(jobs[0]?.status).toBe("cancelled");
    });
  });

  it("reads text files as text and binary files as details with a download link", async () => {
    const created = await client.callTool({ name: "create-project", arguments: { title: "Files" } });
    const projectId = (created.structuredContent as { project: { id: string } }).project.id;
    const save = (fileName: string, bytes: Buffer) =>
      saveUpload({
        db: harness.studio.database.db,
        storage: harness.studio.storage,
        limits: harness.studio.uploadLimits,
        userId,
        projectId,
        fileName,
        body: Readable.from([bytes]),
      });
    const script = await save("scene.fountain", Buffer.from("INT. GARAGE - NIGHT\n\nBrick tinkers.\n"));
    const png = await save(
      "still.png",
      Buffer.from(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
          "1f15c4890000000d49444154789c6300010000050001a5f645400000000049454e44ae426082",
        "hex",
      ),
    );
    const textRead = await client.readResource({ uri: `nollyai://files/${script.id}` });
    expect(textRead.contents[0]).toMatchObject({
      mimeType: "text/x-fountain",
      text: expect.stringMatching(/^INT\. GARAGE/),
    });
    const binaryRead = await client.readResource({ uri: `nollyai://files/${png.id}` });
    expect(JSON.parse((binaryRead.contents[0] as { text: string }).text)).toMatchObject({
      file: { name: "still.png" },
      download: `${harness.baseUrl}/api/files/${png.id}/content`,
    });
    const { resources } = await client.listResources();
    expect(resources.map((resource) => resource.uri)).toEqual(
      expect.arrayContaining([`nollyai://files/${script.id}`, `nollyai://projects/${projectId}/files`]),
    );
    const files = await client.readResource({ uri: `nollyai://projects/${projectId}/files` });
    expect(JSON.parse((files.contents[0] as { text: string }).text).files).toHaveLength(2);
    expect((await client.listPrompts()).prompts).toHaveLength(3);
  });

  it("says what to do when a tool fails", async () => {
    const result = await client.callTool({
      name: "get-job",
      arguments: { jobId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/not_found:job/);
  });
});
