import { randomUUID } from "node:crypto";
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3FunctionTool,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from "@ai-sdk/provider";
import { decideReply, type Reply } from "./decide-reply.ts";
import type { ToolHint } from "./tool-profile.ts";

export type { ToolHint } from "./tool-profile.ts";

export type OfflineModelOptions = {
  /** Example requests per tool (from the registry's `examples`); tools without hints still work. */
  toolHints?: ToolHint[];
};

/**
 * The built-in offline model: a deterministic `LanguageModelV3` that turns plain English, Nigerian
 * English and Pidgin requests into calls of the tools it is offered, asks when a required argument is
 * missing, answers from the retrieved passages with sources, and summarises tool results.
 */
export function createOfflineModel(options: OfflineModelOptions = {}): LanguageModelV3 {
  const hints = options.toolHints ?? [];
  const respond = (call: LanguageModelV3CallOptions) => {
    const reply = decideReply({ prompt: call.prompt, tools: offeredTools(call), hints });
    return { reply, id: `call_${randomUUID()}`, usage: usageOf(call, reply) };
  };
  return {
    specificationVersion: "v3",
    provider: "nollyai",
    modelId: "nollyai-offline-1",
    supportedUrls: {},
    async doGenerate(call) {
      const { reply, id, usage } = respond(call);
      const content: LanguageModelV3Content[] =
        reply.type === "text"
          ? [{ type: "text", text: reply.text }]
          : [
              {
                type: "tool-call",
                toolCallId: id,
                toolName: reply.toolName,
                input: JSON.stringify(reply.input),
              },
            ];
      return { content, finishReason: finishReasonOf(reply), usage, warnings: [] };
    },
    async doStream(call) {
      const { reply, id, usage } = respond(call);
      const parts = streamParts(reply, id, usage);
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        start(controller) {
          for (const part of parts) controller.enqueue(part);
          controller.close();
        },
      });
      return { stream };
    },
  };
}

function offeredTools(call: LanguageModelV3CallOptions): LanguageModelV3FunctionTool[] {
  const tools = (call.tools ?? []).filter(
    (tool): tool is LanguageModelV3FunctionTool => tool.type === "function",
  );
  const choice = call.toolChoice;
  if (choice?.type === "none") return [];
  if (choice?.type === "tool") return tools.filter((tool) => tool.name === choice.toolName);
  return tools;
}

function streamParts(reply: Reply, id: string, usage: LanguageModelV3Usage): LanguageModelV3StreamPart[] {
  const parts: LanguageModelV3StreamPart[] = [{ type: "stream-start", warnings: [] }];
  if (reply.type === "text") {
    parts.push({ type: "text-start", id });
    // Word-sized deltas, so clients render the text as it "arrives", as with any other model.
    for (const delta of reply.text.match(/\S+\s*|\s+/g) ?? []) parts.push({ type: "text-delta", id, delta });
    parts.push({ type: "text-end", id });
  } else {
    const input = JSON.stringify(reply.input);
    parts.push({ type: "tool-input-start", id, toolName: reply.toolName });
    parts.push({ type: "tool-input-delta", id, delta: input });
    parts.push({ type: "tool-input-end", id });
    parts.push({ type: "tool-call", toolCallId: id, toolName: reply.toolName, input });
  }
  parts.push({ type: "finish", usage, finishReason: finishReasonOf(reply) });
  return parts;
}

function finishReasonOf(reply: Reply) {
  return reply.type === "text"
    ? { unified: "stop" as const, raw: "stop" }
    : { unified: "tool-calls" as const, raw: "tool-calls" };
}

/** Approximate tokens (about four characters each), so usage accounting works as with a real model. */
function usageOf(call: LanguageModelV3CallOptions, reply: Reply): LanguageModelV3Usage {
  const promptCharacters = JSON.stringify(call.prompt).length + JSON.stringify(call.tools ?? []).length;
  const outputCharacters =
    reply.type === "text" ? reply.text.length : JSON.stringify(reply.input).length + 20;
  const inputTokens = Math.ceil(promptCharacters / 4);
  const outputTokens = Math.ceil(outputCharacters / 4);
  return {
    inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: outputTokens, text: outputTokens, reasoning: 0 },
  };
}
