import { generateText, type ToolSet, tool } from "ai";
import { describe, expect, it } from "vitest";
import { buildSystemPrompt } from "../../agent/system-prompt.ts";
import { createOfflineModel } from "../../providers/offline-model/index.ts";
import { tools as registeredTools } from "../index.ts";
import { toCleanOptions } from "./clean-request-input.ts";

const dialogueId = "1f2e3d4c-0000-4000-8000-000000000002";

function toolSet(): ToolSet {
  const set: ToolSet = {};
  for (const registered of registeredTools) {
    set[registered.name] = tool({ description: registered.description, inputSchema: registered.inputSchema });
  }
  return set;
}

async function callFor(prompt: string) {
  const model = createOfflineModel({
    toolHints: registeredTools.map(({ name, description, examples }) => ({ name, description, examples })),
  });
  const system = buildSystemPrompt({
    tools: registeredTools.map(({ name, title, description, annotations }) => ({
      name,
      title,
      description,
      annotations,
    })),
    project: {
      id: "0b7f3c52-6a1e-4d2b-9c41-5e8a7d9f0a11",
      title: "Danfo Wahala",
      files: [{ id: dialogueId, name: "scene12-dialogue.wav", kind: "audio" }],
      recentJobs: [],
    },
  });
  const result = await generateText({ model, system, prompt, tools: toolSet() });
  return result.toolCalls[0];
}

describe("audio requests in plain words (offline model)", () => {
  it.each([
    ["remove the generator noise", "clean-audio", {}],
    ["make it podcast loud", "clean-audio", { loudnessTarget: "podcast" }],
    ["remove the hall echo", "clean-audio", { removeEcho: true }],
    ["comot the hum for the audio", "clean-audio", { removeHum: true }],
    ["fix the audio for broadcast", "clean-audio", { loudnessTarget: "broadcast" }],
    ["analyse the audio", "analyze-audio", {}],
    ["preview the clean", "preview-clean", {}],
  ])("%s → %s", async (prompt, toolName, args) => {
    const call = await callFor(prompt);
    expect(call?.toolName).toBe(toolName);
    expect(call?.input).toMatchObject({ fileId: dialogueId, ...args });
  });
});

describe("toCleanOptions", () => {
  it("maps plain switches over the advanced options", () => {
    expect(
      toCleanOptions({
        noiseReduction: "strong",
        removeEcho: true,
        loudnessTarget: "broadcast",
        options: { deEss: { enabled: true, strength: 0.3 } },
      }),
    ).toMatchObject({
      noiseReduction: { enabled: true, strength: 0.95 },
      dereverb: { enabled: true },
      loudness: { enabled: true, target: "ebu-r128" },
      deEss: { enabled: true, strength: 0.3 },
    });
    expect(toCleanOptions({ noiseReduction: "off", loudnessTarget: "off" })).toMatchObject({
      noiseReduction: { enabled: false },
      loudness: { enabled: false },
    });
  });
});
