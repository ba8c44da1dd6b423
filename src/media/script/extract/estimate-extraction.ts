import { chunkScenes, estimateTokens } from "./chunk-scenes.ts";
import type { SceneForExtraction } from "./element-extractor.ts";
import { defaultTokenBudget } from "./model-extractor.ts";
import { buildPrompt } from "./model-prompt.ts";

/** What a model-backed breakdown will cost before it runs. */
export interface ExtractionEstimate {
  chunks: number;
  inputTokens: number;
  outputTokens: number;
}

// A scene's answer is about a dozen elements of ~25 tokens each.
const outputTokensPerScene = 300;

/** Estimates requests and tokens of a model-backed extraction, so the cost can be shown before a paid run. */
export function estimateExtraction(
  scenes: SceneForExtraction[],
  options: { tokenBudget?: number } = {},
): ExtractionEstimate {
  const chunks = chunkScenes(scenes, options.tokenBudget ?? defaultTokenBudget);
  return {
    chunks: chunks.length,
    inputTokens: chunks.reduce((sum, chunk) => sum + estimateTokens(buildPrompt(chunk.text)), 0),
    outputTokens: scenes.length * outputTokensPerScene,
  };
}
