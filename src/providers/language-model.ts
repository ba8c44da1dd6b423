import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModelV3, SharedV3ProviderOptions } from "@ai-sdk/provider";
import type { Config } from "../config/env.ts";
import { createOfflineModel } from "./offline-model/index.ts";

/** What the offline model learns about each tool: enough to map requests to new tools unedited. */
export type ToolHint = { name: string; description: string; examples: string[] };

export type ChatModel = {
  model: LanguageModelV3;
  /** `gemini:gemini-2.5-flash`, `openai-compatible:llama3.1` or `offline:nollyai-offline-1`. */
  id: string;
  kind: "gemini" | "openai-compatible" | "offline";
  providerOptions?: SharedV3ProviderOptions;
};

type ModelSettings = Pick<
  Config,
  | "GOOGLE_GENERATIVE_AI_API_KEY"
  | "GEMINI_BASE_URL"
  | "GEMINI_CHAT_MODEL"
  | "OPENAI_COMPATIBLE_BASE_URL"
  | "OPENAI_COMPATIBLE_API_KEY"
  | "OPENAI_COMPATIBLE_MODEL"
>;

/**
 * The chat model: Gemini when its key is set (thinking off, so the first token comes fast), else an
 * OpenAI-compatible server when its base URL is set, else the built-in offline model. The only place
 * where chat model clients and ids are built.
 */
export function createChatModel(settings: ModelSettings, toolHints: ToolHint[]): ChatModel {
  if (settings.GOOGLE_GENERATIVE_AI_API_KEY) {
    const google = createGoogleGenerativeAI({
      apiKey: settings.GOOGLE_GENERATIVE_AI_API_KEY,
      ...(settings.GEMINI_BASE_URL ? { baseURL: settings.GEMINI_BASE_URL } : {}),
    });
    return {
      model: google(settings.GEMINI_CHAT_MODEL),
      id: `gemini:${settings.GEMINI_CHAT_MODEL}`,
      kind: "gemini",
      providerOptions: { google: { thinkingConfig: { thinkingBudget: 0 } } },
    };
  }
  if (settings.OPENAI_COMPATIBLE_BASE_URL) {
    const provider = createOpenAICompatible({
      name: "openai-compatible",
      baseURL: settings.OPENAI_COMPATIBLE_BASE_URL,
      ...(settings.OPENAI_COMPATIBLE_API_KEY ? { apiKey: settings.OPENAI_COMPATIBLE_API_KEY } : {}),
    });
    return {
      model: provider.chatModel(settings.OPENAI_COMPATIBLE_MODEL),
      id: `openai-compatible:${settings.OPENAI_COMPATIBLE_MODEL}`,
      kind: "openai-compatible",
    };
  }
  const model = createOfflineModel({ toolHints });
  return { model, id: `offline:${model.modelId}`, kind: "offline" };
}
