import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createProject } from "../../db/queries/projects.ts";
import type { EnqueueRequest, JobQueue } from "../../jobs/job-queue.ts";
import {
  buildBreakdown,
  createModelExtractor,
  estimateExtraction,
  parseScreenplay,
  scenesForExtraction,
} from "../../media/script/index.ts";
import { startScriptedServer } from "../../providers/testing/scripted-server.ts";
import { saveGeneratedFile } from "../../storage/save-generated-file.ts";
import { findTool } from "../index.ts";
import { runTool } from "../run-tool.ts";
import { createToolHarness, type ToolHarness } from "../testing/tool-harness.ts";
import { databaseExtractionCache } from "./extraction-cache.ts";
import { modelGenerate } from "./model-generate.ts";
import { modelExtractionCredits } from "./script-model.ts";

const script = `EXT. MAMA TUNDE'S COMPOUND - DAY

TUNDE drags a GOAT across the yard while a DANFO honks outside.

TUNDE
Who go help me with this goat?
`;

/** A Gemini `:generateContent` answer carrying `json` as its structured output, as the real API sends it. */
function geminiAnswer(json: unknown) {
  return {
    contentType: "application/json",
    chunks: [
      JSON.stringify({
        candidates: [
          {
            content: { role: "model", parts: [{ text: JSON.stringify(json) }] },
            finishReason: "STOP",
            index: 0,
          },
        ],
        usageMetadata: { promptTokenCount: 400, candidatesTokenCount: 60, totalTokenCount: 460 },
        modelVersion: "gemini-2.5-flash",
      }),
    ],
  };
}

let harness: ToolHarness;
beforeAll(async () => {
  harness = await createToolHarness();
  await harness.addUser("producer");
});
afterAll(async () => {
  await harness?.close();
});

test("the model extractor runs through the real Gemini provider and caches its answer in the database", async () => {
  const screenplay = await parseScreenplay({
    bytes: new TextEncoder().encode(script),
    fileName: "goat.fountain",
  });
  const [scene] = scenesForExtraction(screenplay).scenes;
  const server = await startScriptedServer([
    geminiAnswer({
      scenes: [
        {
          sceneKey: scene?.key,
          elements: [
            { category: "animals", name: "goat", elementIndex: null, quote: "GOAT" },
            { category: "vehicles", name: "danfo", elementIndex: null, quote: "DANFO" },
          ],
        },
      ],
    }),
  ]);
  try {
    const google = createGoogleGenerativeAI({ apiKey: "test-key", baseURL: `${server.url}/v1beta` });
    const context = harness.context("producer");
    const cache = databaseExtractionCache(context.transaction, "producer");
    const extractor = createModelExtractor({
      generate: modelGenerate(google("gemini-2.5-flash")),
      cache,
      modelId: "gemini-2.5-flash",
    });
    const breakdown = await buildBreakdown({ screenplay, extractor });
    const names = breakdown.scenes[0]?.elements.map((element) => `${element.category}:${element.name}`);
    expect(names).toEqual(expect.arrayContaining(["animals:goat", "vehicles:danfo"]));
    expect(server.requests[0]?.url).toMatch(/gemini-2\.5-flash:generateContent$/);
    expect(JSON.stringify(server.requests[0]?.body)).toContain("MAMA TUNDE");
    // The same script again is answered from the cache: no second request (the server has no reply left).
    await buildBreakdown({ screenplay, extractor });
    expect(server.requests).toHaveLength(1);
  } finally {
    await server.close();
  }
});

test("the model path is priced from the token estimate before anything is enqueued", async () => {
  const requests: EnqueueRequest[] = [];
  const jobs: JobQueue = {
    enqueue: async (request) => {
      requests.push(request);
      return { jobId: "job-1", status: "queued", estimatedCredits: request.estimatedCredits };
    },
  };
  const generate = async () => ({ scenes: [] });
  const context = harness.context("producer", { jobs, services: { scriptModel: { generate } } });
  const project = await context.transaction((tx) =>
    createProject(tx, { ownerId: "producer", title: "Goat" }),
  );
  const file = await saveGeneratedFile({
    transaction: context.transaction,
    storage: context.storage,
    userId: "producer",
    projectId: project.id,
    name: "goat.fountain",
    kind: "screenplay",
    mimeType: "text/x-fountain",
    content: { bytes: script },
  });
  const tool = findTool("breakdown-script");
  if (!tool) throw new Error("breakdown-script is not registered");
  const handle = (await runTool(tool, context, { fileId: file.id, extractor: "model" })) as {
    estimatedCredits: number;
    estimate: { inputTokens: number; outputTokens: number };
  };
  const screenplay = await parseScreenplay({
    bytes: new TextEncoder().encode(script),
    fileName: "goat.fountain",
  });
  const estimate = estimateExtraction(scenesForExtraction(screenplay).scenes);
  expect(handle.estimate).toEqual(estimate);
  expect(handle.estimatedCredits).toBe(modelExtractionCredits(estimate));
  expect(requests).toEqual([
    expect.objectContaining({ tool: "breakdown-script", estimatedCredits: modelExtractionCredits(estimate) }),
  ]);
  expect(modelExtractionCredits({ chunks: 3, inputTokens: 18_000, outputTokens: 6_000 })).toBe(3);
});

test("a script too long for one request is split into chunks, sent in parallel, and merged", async () => {
  const scenes = Array.from(
    { length: 8 },
    (_, index) =>
      `EXT. LAGOS STREET ${index + 1} - DAY\n\nAMAKA carries a ${["KEG", "DRUM", "RADIO", "LANTERN"][index % 4]} past a KEKE.\n\nAMAKA\nE don reach ${index + 1}!\n`,
  ).join("\n");
  const screenplay = await parseScreenplay({
    bytes: new TextEncoder().encode(scenes),
    fileName: "long.fountain",
  });
  const keys = scenesForExtraction(screenplay).scenes.map((scene) => scene.key);
  // Answers each request with elements for exactly the scenes it was sent, whatever the order.
  const server = await startScriptedServer((request) => {
    const sent = JSON.stringify(request.body);
    return geminiAnswer({
      scenes: keys
        .filter((key) => sent.includes(JSON.stringify(key).slice(1, -1)))
        .map((key) => ({
          sceneKey: key,
          elements: [{ category: "vehicles", name: "keke", elementIndex: null, quote: "KEKE" }],
        })),
    });
  });
  try {
    const google = createGoogleGenerativeAI({ apiKey: "test-key", baseURL: `${server.url}/v1beta` });
    const extractor = createModelExtractor({
      generate: modelGenerate(google("gemini-2.5-flash")),
      tokenBudget: 120,
    });
    const breakdown = await buildBreakdown({ screenplay, extractor });
    expect(server.requests.length).toBeGreaterThanOrEqual(3);
    expect(breakdown.scenes).toHaveLength(8);
    for (const scene of breakdown.scenes) {
      const kekes = scene.elements.filter(
        (element) => element.category === "vehicles" && element.name === "keke",
      );
      expect(kekes, scene.heading).toHaveLength(1);
    }
  } finally {
    await server.close();
  }
});
