import { randomUUID } from "node:crypto";
import type { TestClient } from "./http-client.ts";

export type StreamChunk = { type: string; [key: string]: unknown };

/** Posts one chat message and reads the whole UI message stream (server-sent events) it answers with. */
export async function postChat(
  client: TestClient,
  body: {
    threadId?: string;
    projectId?: string;
    message: { id?: string; role?: "user" | "assistant"; parts: unknown[] };
  },
) {
  const message = {
    id: body.message.id ?? randomUUID(),
    role: body.message.role ?? "user",
    parts: body.message.parts,
  };
  const response = await fetch(new URL("/api/chat", client.baseUrl), {
    method: "POST",
    headers: { "content-type": "application/json", origin: client.baseUrl, cookie: client.cookieHeader() },
    body: JSON.stringify({ ...body, message }),
  });
  const text = await response.text();
  const chunks: StreamChunk[] = [];
  if (response.headers.get("content-type")?.includes("text/event-stream")) {
    for (const line of text.split("\n")) {
      if (line.startsWith("data: ") && line !== "data: [DONE]")
        chunks.push(JSON.parse(line.slice(6)) as StreamChunk);
    }
  }
  return {
    status: response.status,
    threadId: response.headers.get("x-thread-id"),
    chunks,
    json:
      chunks.length === 0 && text ? (JSON.parse(text) as { error: { code: string; message: string } }) : null,
    text: chunks
      .filter((chunk) => chunk.type === "text-delta")
      .map((chunk) => String(chunk.delta))
      .join(""),
    toolCalls: chunks
      .filter((chunk) => chunk.type === "tool-input-available")
      .map((chunk) => String(chunk.toolName)),
  };
}

/** Shorthand for a plain text user message. */
export function say(
  client: TestClient,
  text: string,
  options: { threadId?: string; projectId?: string } = {},
) {
  return postChat(client, { ...options, message: { parts: [{ type: "text", text }] } });
}
