import { afterAll, beforeAll, expect, test } from "vitest";
import { createRetrievalService } from "../agent/retrieval/retrieval-service.ts";
import { createProject } from "../db/queries/projects.ts";
import { createLocalHashEmbedder } from "../providers/embeddings/index.ts";
import { runTool } from "./run-tool.ts";
import { searchProjectTool } from "./search-project.ts";
import { createToolHarness, type ToolHarness } from "./testing/tool-harness.ts";
import type { Tool } from "./tool.ts";

let harness: ToolHarness;
let projectId: string;
const retrieval = createRetrievalService({ embedder: createLocalHashEmbedder() });
const tool = searchProjectTool as unknown as Tool;

beforeAll(async () => {
  harness = await createToolHarness();
  await harness.addUser("writer");
  await harness.addUser("stranger");
  const context = harness.context("writer", { services: { retrieval } });
  projectId = (await context.transaction((tx) => createProject(tx, { ownerId: "writer", title: "Film" }))).id;
  await retrieval.ingest(context.transaction, {
    projectId,
    source: { type: "note", id: "note-1", label: "location-notes.md" },
    text: "The garage scene is shot at Mama Tunde's compound in Surulere.\n\nThe patio scene needs cold beers and two chairs.",
  });
});
afterAll(async () => {
  await harness?.close();
});

test("returns passages with their sources, taking the project from the conversation", async () => {
  const context = harness.context("writer", { projectId, services: { retrieval } });
  const output = await runTool(tool, context, { query: "where do we shoot the garage scene?" });
  expect(output).toMatchObject({
    query: "where do we shoot the garage scene?",
    embeddingModel: "local-hash-768-v3",
    passages: [
      {
        source: { type: "note", id: "note-1", label: "location-notes.md" },
        text: expect.stringContaining("Surulere"),
        foundBy: ["full_text", "vector"],
        scene: null,
      },
    ],
  });
});

test("another user's project is not found, and no passage leaks", async () => {
  const context = harness.context("stranger", { services: { retrieval } });
  await expect(runTool(tool, context, { projectId, query: "garage" })).rejects.toMatchObject({
    code: "not_found:project",
  });
});

test("bad input and a missing service are clear errors", async () => {
  const context = harness.context("writer", { projectId, services: { retrieval } });
  await expect(runTool(tool, context, { query: "   " })).rejects.toMatchObject({
    code: "bad_request:tool_input",
  });
  await expect(runTool(tool, context, { query: "garage", k: 50 })).rejects.toMatchObject({
    code: "bad_request:tool_input",
  });
  await expect(
    runTool(tool, harness.context("writer", { projectId }), { query: "garage" }),
  ).rejects.toMatchObject({
    code: "unavailable:retrieval",
  });
});

test("is declared read-only and free", () => {
  expect(searchProjectTool.cost).toBe(0);
  expect(searchProjectTool.annotations).toMatchObject({ readOnly: true, destructive: false });
});
