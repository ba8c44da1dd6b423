import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { buildBreakdown } from "../breakdown/build-breakdown.ts";
import { scenesForExtraction } from "../breakdown/scenes-for-extraction.ts";
import { parseFountain } from "../fountain/parse-fountain.ts";
import { estimateTokens } from "./chunk-scenes.ts";
import { estimateExtraction } from "./estimate-extraction.ts";
import { createModelExtractor, type ExtractionCache } from "./model-extractor.ts";
import type { ChunkAnswer } from "./model-prompt.ts";

// 60 scenes of a Lagos chase: long enough for several chunks at a small budget.
const source = Array.from({ length: 60 }, (_unused, index) =>
  [
    `EXT. LAGOS STREET ${index + 1} - DAY`,
    "",
    `TUNDE runs past a DANFO while an okada weaves through traffic. Scene ${index + 1} of the chase, with enough words to weigh something in tokens.`,
    "",
    "TUNDE",
    "Driver, go!",
    "",
  ].join("\n"),
).join("\n");

/** Plays the model: answers like `generateObject` would, reading the keys and line indices out of the prompt. */
function fakeGenerate() {
  const prompts: string[] = [];
  const generate = async (prompt: string, schema: ZodType): Promise<unknown> => {
    prompts.push(prompt);
    const scenes: ChunkAnswer["scenes"] = [];
    for (const block of prompt.split("### SCENE ").slice(1)) {
      const sceneKey = block.slice(0, block.indexOf("\n"));
      const action = /\[(\d+)\] ACTION: (.*)/.exec(block);
      const elementIndex = action ? Number(action[1]) : null;
      scenes.push({
        sceneKey,
        elements: [
          { category: "vehicles", name: "danfo", elementIndex, quote: "DANFO" },
          { category: "vehicles", name: "DANFO", elementIndex, quote: "DANFO" },
          { category: "vehicles", name: "okada", elementIndex, quote: "okada" },
          { category: "cast", name: "TUNDE", elementIndex, quote: "TUNDE" },
          { category: "props", name: "phantom prop", elementIndex: 99999, quote: null },
        ],
      });
    }
    return schema.parse({ scenes });
  };
  return { generate, prompts };
}

function memoryCache(): ExtractionCache & { size: () => number } {
  const store = new Map<string, unknown>();
  return {
    get: (key) => store.get(key),
    set: (key, value) => void store.set(key, value),
    size: () => store.size,
  };
}

describe("createModelExtractor", () => {
  const screenplay = parseFountain(source);
  const tokenBudget = 500;

  it("chunks to the budget, merges, de-duplicates, and costs nothing the second time", async () => {
    const { generate, prompts } = fakeGenerate();
    const cache = memoryCache();
    const progress: number[] = [];
    const extractor = createModelExtractor({ generate, cache, tokenBudget, concurrency: 3 });
    const breakdown = await buildBreakdown({
      screenplay,
      extractor,
      options: { onProgress: (report) => progress.push(report.completedChunks) },
    });
    const estimate = estimateExtraction(scenesForExtraction(screenplay).scenes, { tokenBudget });
    expect(estimate.chunks).toBeGreaterThan(3);
    expect(prompts).toHaveLength(estimate.chunks);
    expect(progress).toHaveLength(estimate.chunks);
    for (const prompt of prompts) {
      const script = prompt.slice(prompt.indexOf("<<<SCRIPT") + 10, prompt.indexOf("SCRIPT>>>"));
      expect(estimateTokens(script)).toBeLessThanOrEqual(tokenBudget + 5);
    }
    expect(breakdown.scenes).toHaveLength(60);
    for (const scene of breakdown.scenes) {
      expect(scene.elements.map((element) => `${element.category}:${element.name}`).sort()).toEqual([
        "cast:TUNDE",
        "props:phantom prop",
        "vehicles:danfo",
        "vehicles:okada",
      ]);
      expect(scene.elements.find((element) => element.name === "okada")?.source).toMatchObject({
        quote: "okada",
      });
      expect(scene.elements.find((element) => element.name === "phantom prop")?.source).toBeNull();
    }
    expect(estimate.inputTokens).toBeGreaterThan(0);
    expect(cache.size()).toBe(estimate.chunks);

    const second = fakeGenerate();
    const again = await buildBreakdown({
      screenplay,
      extractor: createModelExtractor({ generate: second.generate, cache, tokenBudget }),
    });
    expect(second.prompts).toHaveLength(0);
    expect(again.scenes).toEqual(breakdown.scenes);
  });

  it("rejects answers that do not match the schema", async () => {
    const extractor = createModelExtractor({
      generate: async () => ({ scenes: [{ sceneKey: "x", elements: [{ category: "dragons" }] }] }),
      tokenBudget,
    });
    await expect(buildBreakdown({ screenplay, extractor })).rejects.toThrow();
  });
});
