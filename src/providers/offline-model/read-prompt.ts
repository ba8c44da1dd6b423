import type { LanguageModelV3Prompt } from "@ai-sdk/provider";
import { readSystemPrompt, type SystemPromptFacts } from "../../agent/system-prompt.ts";
import type { ToolOutcome } from "./summarize-tool-result.ts";

/** What the offline model reads from one call's prompt. */
export type Conversation = {
  facts: SystemPromptFacts;
  /** The text of the last user message: the only place intent is read from. */
  request: string;
  /** Tool results that arrived after the last user message (the loop is waiting for a summary). */
  outcomes: ToolOutcome[];
  /** Tools already called since the last user message. */
  calledSinceRequest: string[];
  /** The last file id any earlier tool call used, for "it". */
  previousFileId?: string;
};

/** Splits a prompt into the system facts, the latest request and what happened since it. */
export function readPrompt(prompt: LanguageModelV3Prompt): Conversation {
  const system = prompt
    .filter((message) => message.role === "system")
    .map((message) => message.content)
    .join("\n\n");
  const lastUser = prompt.findLastIndex((message) => message.role === "user");
  const conversation: Conversation = {
    facts: readSystemPrompt(system),
    request: "",
    outcomes: [],
    calledSinceRequest: [],
  };
  prompt.forEach((message, index) => {
    if (message.role === "user" && index === lastUser) {
      conversation.request = message.content
        .map((part) => (part.type === "text" ? part.text : ""))
        .join("\n")
        .trim();
    }
    if (message.role === "assistant") {
      for (const part of message.content) {
        if (part.type !== "tool-call") continue;
        if (index > lastUser) conversation.calledSinceRequest.push(part.toolName);
        const fileId = fileIdOf(part.input);
        if (fileId) conversation.previousFileId = fileId;
      }
    }
    if (message.role === "tool" && index > lastUser) {
      for (const part of message.content) {
        if (part.type === "tool-result")
          conversation.outcomes.push({ toolName: part.toolName, output: part.output });
      }
    }
  });
  return conversation;
}

function fileIdOf(input: unknown): string | undefined {
  if (typeof input !== "object" || input === null) return undefined;
  for (const [key, value] of Object.entries(input)) {
    if (/^fileId$/i.test(key) && typeof value === "string") return value;
  }
  return undefined;
}
