/**
 * Time to the first streamed byte of a chat turn: the studio's `/api/chat` (session, thread, the message's
 * credit charge, thread and message storage; then retrieval, system prompt and tool set) against a bare
 * `streamText` + Express route, both with the same zero-latency model, in the same run. Target: ≤ 1.3×.
 * The client runs in the same process as both servers, so work a server does right after its first byte
 * (before it next yields to I/O) delays that byte's reading too, for the studio and the baseline alike.
 *   npx tsx bench/chat-first-byte.bench.ts
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { LanguageModelV3, LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { pipeUIMessageStreamToResponse, streamText } from "ai";
import express from "express";
import { parseConfig } from "../src/config/env.ts";
import { createLogger } from "../src/lib/logger.ts";
import { createStudio } from "../src/studio.ts";
import { createApp } from "../src/web/server/create-app.ts";

const rounds = 60;

/** A model that answers at once: the cost measured is everything around it. */
const instantModel: LanguageModelV3 = {
  specificationVersion: "v3",
  provider: "bench",
  modelId: "instant",
  supportedUrls: {},
  async doGenerate() {
    throw new Error("streaming only");
  },
  async doStream() {
    const parts: LanguageModelV3StreamPart[] = [
      { type: "stream-start", warnings: [] },
      { type: "text-start", id: "t" },
      { type: "text-delta", id: "t", delta: "Ready." },
      { type: "text-end", id: "t" },
      {
        type: "finish",
        finishReason: { unified: "stop", raw: "stop" },
        usage: {
          inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
          outputTokens: { total: 2, text: 2, reasoning: 0 },
        },
      },
    ];
    return {
      stream: new ReadableStream({
        start: (controller) => {
          for (const part of parts) controller.enqueue(part);
          controller.close();
        },
      }),
    };
  },
};

async function firstByte(url: string, init: RequestInit): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, init);
  const reader = response.body!.getReader();
  await reader.read();
  const elapsed = performance.now() - started;
  while (!(await reader.read()).done) {
    // drain
  }
  return elapsed;
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)]!;

const baseline = express();
baseline.use(express.json());
baseline.post("/chat", async (request, response) => {
  const result = streamText({ model: instantModel, prompt: String(request.body.text) });
  await pipeUIMessageStreamToResponse({ response, stream: result.toUIMessageStream() });
});
const baselineServer = baseline.listen(0, "127.0.0.1");
await new Promise((resolve) => baselineServer.once("listening", resolve));
const baselineUrl = `http://127.0.0.1:${(baselineServer.address() as AddressInfo).port}/chat`;

const dataDir = mkdtempSync(path.join(os.tmpdir(), "nollyai-bench-chat-"));
const config = parseConfig({
  NOLLYAI_DATA_DIR: dataDir,
  LOG_LEVEL: "silent",
  EMAIL_VERIFICATION_REQUIRED: "false",
  // Each turn pays the default message price, as a real one does.
  SIGNUP_CREDITS: "100000",
  PUBLIC_URL: "http://127.0.0.1:1",
});
const studio = await createStudio(config, { logger: createLogger({ level: "silent" }) });
studio.agent.chatModel = { model: instantModel, id: "bench:instant", kind: "offline" };
const app = createApp(studio);
const server = app.listen(0, "127.0.0.1");
await new Promise((resolve) => server.once("listening", resolve));
const studioUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const signUp = await studio.auth.api.signUpEmail({
  body: { name: "Bench", email: "bench@example.com", password: "a long bench password" },
  asResponse: true,
});
const cookie = signUp.headers
  .getSetCookie()
  .map((line) => line.split(";")[0])
  .join("; ");
const projectResponse = await fetch(`${studioUrl}/api/projects`, {
  method: "POST",
  headers: { "content-type": "application/json", cookie, origin: studioUrl },
  body: JSON.stringify({ title: "Bench" }),
});
const projectId = ((await projectResponse.json()) as { project: { id: string } }).project.id;

/**
 * The studio stores the reply and its token usage after the stream ends; on the embedded database that work
 * holds the event loop, so each request waits until the previous one's aftermath is over rather than let it
 * land on the next measurement (which would slow the baseline and flatter the studio).
 */
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

const studioTimes: number[] = [];
const baselineTimes: number[] = [];
for (let round = 0; round < rounds + 5; round++) {
  await settle();
  const bare = await firstByte(baselineUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text: "hello" }),
  });
  await settle();
  const ours = await firstByte(`${studioUrl}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: studioUrl },
    body: JSON.stringify({
      projectId,
      message: { id: randomUUID(), role: "user", parts: [{ type: "text", text: "hello" }] },
    }),
  });
  if (round >= 5) {
    baselineTimes.push(bare);
    studioTimes.push(ours);
  }
}
const ratio = percentile(studioTimes, 0.5) / percentile(baselineTimes, 0.5);
console.log(`cores: ${os.availableParallelism()}, rounds: ${rounds}`);
console.log(
  `bare streamText + Express  first byte p50 ${percentile(baselineTimes, 0.5).toFixed(2)} ms, p95 ${percentile(baselineTimes, 0.95).toFixed(2)} ms`,
);
console.log(
  `studio /api/chat           first byte p50 ${percentile(studioTimes, 0.5).toFixed(2)} ms, p95 ${percentile(studioTimes, 0.95).toFixed(2)} ms`,
);
console.log(`ratio (p50) ${ratio.toFixed(2)}× (target ≤ 1.3×)`);
server.closeAllConnections();
server.close();
baselineServer.close();
await studio.close();
rmSync(dataDir, { recursive: true, force: true });
