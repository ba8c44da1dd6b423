import type { ExtractionEstimate, GenerateObject } from "../../media/script/index.ts";

/** The language model the `model` extractor uses; the composition root puts it in the tool and job services. */
export type ScriptModelService = {
  generate: GenerateObject;
  /** Identifies the model in the extraction cache (a different model gives a different answer). */
  modelId?: string;
};

declare module "../tool.ts" {
  interface ToolServices {
    scriptModel?: ScriptModelService;
  }
}

declare module "../../jobs/define-job.ts" {
  interface JobServices {
    scriptModel?: ScriptModelService;
  }
}

/** Tokens one credit buys on the model extractor. */
export const tokensPerCredit = 10_000;

/** The credits of a model-backed breakdown: one per started 10,000 tokens (input and output), at least one. */
export function modelExtractionCredits(estimate: ExtractionEstimate): number {
  return Math.max(1, Math.ceil((estimate.inputTokens + estimate.outputTokens) / tokensPerCredit));
}

/** The credits of an offline (rules) breakdown. */
export const offlineExtractionCredits = 1;
