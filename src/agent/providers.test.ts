import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../config/env.ts";
import { createChatModel } from "../providers/language-model.ts";
import { geminiSse, openAiSse, startScriptedServer } from "../providers/testing/scripted-server.ts";
import { createToolHarness, type ToolHarness } from "../tools/testing/tool-harness.ts";
import { agentDeps, say, textOf } from "./testing/agent-harness.ts";

let harness: ToolHarness;

beforeAll(async () => {
  harness = await createToolHarness();
  await harness.addUser("chioma");
});
afterAll(() => harness.close());

const usage = { promptTokenCount: 120, candidatesTokenCount: 12, totalTokenCount: 132 };

describe("real model providers against local servers speaking their wire formats", () => {
  it("drives @ai-sdk/google through a function-call round trip and plain text", async () => {
    const gemini = await startScriptedServer([
      geminiSse({
        candidates: [
          {
            content: { role: "model", parts: [{ functionCall: { name: "list-projects", args: {} } }] },
            finishReason: "STOP",
            index: 0,
          },
        ],
        usageMetadata: usage,
        modelVersion: "gemini-2.5-flash",
      }),
      geminiSse(
        {
          candidates: [{ content: { role: "model", parts: [{ text: "You have no projects " }] }, index: 0 }],
          usageMetadata: usage,
        },
        {
          candidates: [
            { content: { role: "model", parts: [{ text: "yet." }] }, finishReason: "STOP", index: 0 },
          ],
          usageMetadata: usage,
        },
      ),
    ]);
    try {
      const config = parseConfig({
        GOOGLE_GENERATIVE_AI_API_KEY: "test-key",
        GEMINI_BASE_URL: `${gemini.url}/v1beta`,
      });
      const chatModel = createChatModel(config, []);
      expect(chatModel.kind).toBe("gemini");
      const { reply } = await say(agentDeps(harness, chatModel), {
        userId: "chioma",
        text: "show my projects",
      });

      expect(textOf(reply)).toBe("You have no projects yet.");
      const toolPart = reply.parts.find((part) => part.type === "tool-list-projects") as {
        state: string;
        output: unknown;
      };
      expect(toolPart).toMatchObject({ state: "output-available", output: { projects: [] } });

      expect(gemini.requests).toHaveLength(2);
      expect(gemini.requests[0]?.url).toBe("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
      expect(gemini.requests[0]?.headers["x-goog-api-key"]).toBe("test-key");
      const first = gemini.requests[0]?.body as {
        generationConfig: { thinkingConfig: unknown };
        tools: unknown;
      };
      expect(first.generationConfig.thinkingConfig).toEqual({ thinkingBudget: 0 });
      expect(JSON.stringify(first.tools)).toContain("list-projects");
      const second = JSON.stringify(gemini.requests[1]?.body);
      expect(second).toContain("functionResponse");
      expect(second).toContain('"projects":[]');
    } finally {
      await gemini.close();
    }
  });

  it("drives @ai-sdk/openai-compatible through a tool call and plain text", async () => {
    const chunk = (delta: unknown, finishReason: string | null = null) => ({
      id: "chatcmpl-1",
      object: "chat.completion.chunk",
      created: 1_790_000_000,
      model: "llama3.1",
      choices: [{ index: 0, delta, finish_reason: finishReason }],
    });
    const server = await startScriptedServer([
      openAiSse(
        chunk({
          role: "assistant",
          tool_calls: [
            { index: 0, id: "call_1", type: "function", function: { name: "get-credits", arguments: "{}" } },
          ],
        }),
        chunk({}, "tool_calls"),
      ),
      openAiSse(chunk({ role: "assistant", content: "You have 98 credits." }), chunk({}, "stop")),
    ]);
    try {
      const config = parseConfig({
        OPENAI_COMPATIBLE_BASE_URL: `${server.url}/v1`,
        OPENAI_COMPATIBLE_MODEL: "llama3.1",
      });
      const chatModel = createChatModel(config, []);
      expect(chatModel.kind).toBe("openai-compatible");
      const { reply } = await say(agentDeps(harness, chatModel), {
        userId: "chioma",
        text: "how many credits?",
      });
      expect(textOf(reply)).toBe("You have 98 credits.");
      expect(reply.parts.find((part) => part.type === "tool-get-credits")).toMatchObject({
        output: { balance: 96 },
      });
      expect(server.requests[0]?.url).toBe("/v1/chat/completions");
      expect(JSON.stringify(server.requests[1]?.body)).toContain('\\"balance\\":96');
    } finally {
      await server.close();
    }
  });
});
