import { request as httpRequest } from "node:http";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessTokens } from "../db/schema.ts";
import { tools } from "../tools/index.ts";
import { signedInClient } from "../web/server/testing/accounts.ts";
import type { TestClient } from "../web/server/testing/http-client.ts";
import { renderTestReelTool, renderTestReelWork } from "./testing/long-test-tool.ts";
import { connectHttpClient } from "./testing/mcp-clients.ts";
import { type McpTestStudio, startMcpTestStudio } from "./testing/mcp-test-studio.ts";
import { createTestJobService } from "./testing/test-job-service.ts";

let harness: McpTestStudio;
let alice: TestClient;
let bob: TestClient;
let aliceToken: string;
let bobToken: string;
let aliceReadToken: string;
const clients: Client[] = [];

const initialize = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "probe", version: "1" } },
};
const mcpHeaders = { "content-type": "application/json", accept: "application/json, text/event-stream" };

async function newToken(owner: TestClient, scope: "read" | "read-write") {
  const created = await owner.post("/api/access-tokens", { name: `${scope} token`, scope });
  return created.data as unknown as { token: string; accessToken: { id: string } };
}
const post = (headers: Record<string, string | undefined>, body: unknown = initialize) =>
  fetch(`${harness.baseUrl}/mcp`, {
    method: "POST",
    headers: { ...mcpHeaders, ...headers } as Record<string, string>,
    body: JSON.stringify(body),
  });
const connect = async (token: string) => {
  const client = await connectHttpClient(harness.baseUrl, token);
  clients.push(client);
  return client;
};

beforeAll(async () => {
  harness = await startMcpTestStudio({
    tools: [...tools, renderTestReelTool],
    jobs: createTestJobService({ "render-test-reel": renderTestReelWork }),
  });
  alice = await signedInClient(harness.studio, harness.baseUrl, "alice@example.com");
  bob = await signedInClient(harness.studio, harness.baseUrl, "bob@example.com");
  aliceToken = (await newToken(alice, "read-write")).token;
  aliceReadToken = (await newToken(alice, "read")).token;
  bobToken = (await newToken(bob, "read-write")).token;
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await harness?.close();
});

describe("who may use /mcp", () => {
  it("answers 401 with a Bearer challenge without a token or with a wrong one", async () => {
    for (const headers of [
      {},
      { authorization: "Bearer nollyai_pat_forged" },
      { authorization: "Basic abc" },
    ]) {
      const response = await post(headers);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
    }
  });

  it("answers 401 for a revoked or expired token", async () => {
    const revoked = await newToken(alice, "read-write");
    expect((await post({ authorization: `Bearer ${revoked.token}` })).status).toBe(200);
    expect((await alice.delete(`/api/access-tokens/${revoked.accessToken.id}`)).status).toBe(200);
    expect((await post({ authorization: `Bearer ${revoked.token}` })).status).toBe(401);

    const expired = await newToken(alice, "read-write");
    await harness.studio.database.db
      .update(accessTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(accessTokens.id, expired.accessToken.id));
    const response = await post({ authorization: `Bearer ${expired.token}` });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/invalid_token/);
  });

  it("answers 403 when a read-only token calls a tool that changes things, and runs read-only tools", async () => {
    const call = {
      jsonrpc: "2.0",
      id: 2,
      method: "tools/call",
      params: { name: "create-project", arguments: { title: "x" } },
    };
    const refused = await post({ authorization: `Bearer ${aliceReadToken}` }, call);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("www-authenticate")).toMatch(/insufficient_scope.*scope="read-write"/);

    const reader = await connect(aliceReadToken);
    await expect(
      reader.callTool({ name: "delete-project", arguments: { projectId: crypto.randomUUID() } }),
    ).rejects.toThrow(/insufficient_scope/);
    const listed = await reader.callTool({ name: "list-projects", arguments: {} });
    expect(listed.isError).toBeFalsy();
  });

  it("answers 403 to a foreign Origin or Host, and allows requests without an Origin", async () => {
    const authorization = `Bearer ${aliceToken}`;
    expect((await post({ authorization, origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ authorization, origin: "null" })).status).toBe(403);
    expect((await post({ authorization, origin: harness.baseUrl })).status).toBe(200);
    expect((await post({ authorization })).status).toBe(200);

    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(`${harness.baseUrl}/mcp`, {
        method: "POST",
        headers: { ...mcpHeaders, authorization, host: "evil.example" },
      });
      request.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on("error", reject);
      request.end(JSON.stringify(initialize));
    });
    expect(status).toBe(403);
  });
});

describe("one user's token never reaches another user's data", () => {
  it("cannot list, read or act on another user's projects, files, jobs or session", async () => {
    const aliceClient = await connect(aliceToken);
    const bobClient = await connect(bobToken);
    const created = await aliceClient.callTool({
      name: "create-project",
      arguments: { title: "Alice only" },
    });
    const projectId = (created.structuredContent as { project: { id: string } }).project.id;
    const upload = await alice.upload(
      `/api/projects/${projectId}/files`,
      "secret.fountain",
      "INT. VAULT - NIGHT\n",
    );
    const fileId = (upload.data.file as { id: string }).id;
    const started = await aliceClient.callTool({ name: "render-test-reel", arguments: { frames: 2 } });
    const jobId = (started.structuredContent as { jobId: string }).jobId;

    const listed = await bobClient.callTool({ name: "list-projects", arguments: {} });
    expect((listed.structuredContent as { projects: unknown[] }).projects).toHaveLength(0);
    for (const [name, args] of [
      ["get-project", { projectId }],
      ["list-files", { projectId }],
      ["get-file-text", { fileId }],
      ["rename-project", { projectId, title: "mine now" }],
      ["delete-project", { projectId }],
      ["get-job", { jobId }],
      ["cancel-job", { jobId }],
    ] as const) {
      const result = await bobClient.callTool({ name, arguments: args });
      expect(result.isError, name).toBe(true);
      expect((result.content as { text: string }[])[0]?.text, name).toMatch(/not_found/);
    }
    for (const uri of [
      `nollyai://projects/${projectId}`,
      `nollyai://projects/${projectId}/files`,
      `nollyai://files/${fileId}`,
      `nollyai://jobs/${jobId}`,
    ]) {
      await expect(bobClient.readResource({ uri }), uri).rejects.toThrow(/No such/);
    }
    const bobResources = (await bobClient.listResources()).resources.map((resource) => resource.uri);
    expect(bobResources.join(" ")).not.toMatch(new RegExp(`${projectId}|${fileId}|${jobId}`));

    // Alice's session id with Bob's token is an unknown session.
    const initialized = await post({ authorization: `Bearer ${aliceToken}` });
    const sessionId = initialized.headers.get("mcp-session-id") ?? "";
    expect(sessionId).not.toBe("");
    const hijack = await post(
      { authorization: `Bearer ${bobToken}`, "mcp-session-id": sessionId },
      { jsonrpc: "2.0", id: 3, method: "tools/list", params: {} },
    );
    expect(hijack.status).toBe(404);
    const project = await aliceClient.callTool({ name: "get-project", arguments: { projectId } });
    expect(project.structuredContent).toMatchObject({ project: { title: "Alice only" } });
  });
});
