import { randomUUID } from "node:crypto";
import { readUIMessageStream, type UIMessage } from "ai";
import { pendingApprovals } from "../agent/approvals.ts";
import { startAgentTurn } from "../agent/run-turn.ts";
import type { CliSession } from "./session.ts";

export type AskResult = {
  threadId: string;
  text: string;
  toolCalls: { name: string; input: unknown }[];
  approvalsPending: { approvalId: string; tool: string; input: unknown }[];
  message: UIMessage | undefined;
};

/** One agent turn from the terminal; the reply is read to its end and summarised. */
export async function askAgent(
  session: CliSession,
  input: { text?: string; projectId: string; threadId?: string; approval?: UIMessage },
): Promise<AskResult> {
  const message = input.approval ?? {
    id: randomUUID(),
    role: "user" as const,
    parts: [{ type: "text" as const, text: input.text ?? "" }],
  };
  const turn = await startAgentTurn(session.studio.agent, {
    userId: session.userId,
    request: {
      ...(input.threadId ? { threadId: input.threadId } : { projectId: input.projectId }),
      message: {
        id: message.id,
        role: message.role === "assistant" ? "assistant" : "user",
        parts: message.parts,
      },
    },
  });
  let last: UIMessage | undefined;
  for await (const snapshot of readUIMessageStream({ stream: turn.stream })) last = snapshot;
  await turn.stored;
  const parts = (last?.parts ?? []) as { type: string; text?: string; input?: unknown; state?: string }[];
  return {
    threadId: turn.threadId,
    text: parts
      .filter((part) => part.type === "text")
      .map((part) => part.text ?? "")
      .join("")
      .trim(),
    toolCalls: parts
      .filter((part) => part.type.startsWith("tool-"))
      .map((part) => ({ name: part.type.slice("tool-".length), input: part.input })),
    approvalsPending: pendingApprovals(last),
    message: last,
  };
}
