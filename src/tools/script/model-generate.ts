import type { LanguageModelV3 } from "@ai-sdk/provider";
import { generateText, Output } from "ai";
import type { GenerateObject } from "../../media/script/index.ts";

/**
 * Wires a language model (any AI SDK provider: Gemini, an OpenAI-compatible server) to the breakdown engine's
 * `GenerateObject`: structured output validated against the engine's schema.
 */
export function modelGenerate(model: LanguageModelV3): GenerateObject {
  return async (prompt, schema, signal) => {
    const result = await generateText({
      model,
      prompt,
      output: Output.object({ schema }),
      temperature: 0,
      ...(signal ? { abortSignal: signal } : {}),
    });
    return result.output;
  };
}
