import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: unknown;
};
export type ScriptedReply = { status?: number; contentType: string; chunks: string[] };

/**
 * A local HTTP server standing in for a cloud model API this machine cannot reach: it records each request
 * and answers with the next scripted reply (or the reply a function makes from the request, for calls that
 * run in parallel), written chunk by chunk as the real service streams it.
 */
export async function startScriptedServer(
  replies: ScriptedReply[] | ((request: RecordedRequest) => ScriptedReply),
): Promise<{
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}> {
  const requests: RecordedRequest[] = [];
  const queue = Array.isArray(replies) ? [...replies] : [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const recorded: RecordedRequest = {
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body: text ? JSON.parse(text) : null,
      };
      requests.push(recorded);
      const reply = Array.isArray(replies) ? queue.shift() : replies(recorded);
      if (!reply) {
        response.writeHead(500, { "content-type": "application/json" });
        response.end(JSON.stringify({ error: { message: "no scripted reply left" } }));
        return;
      }
      response.writeHead(reply.status ?? 200, { "content-type": reply.contentType });
      for (const chunk of reply.chunks) response.write(chunk);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Server-sent events as Gemini's `streamGenerateContent?alt=sse` writes them. */
export function geminiSse(...responses: unknown[]): ScriptedReply {
  return {
    contentType: "text/event-stream",
    chunks: responses.map((body) => `data: ${JSON.stringify(body)}\r\n\r\n`),
  };
}

/** Server-sent events as OpenAI-compatible `chat/completions` with `stream: true` writes them. */
export function openAiSse(...chunks: unknown[]): ScriptedReply {
  return {
    contentType: "text/event-stream",
    chunks: [...chunks.map((body) => `data: ${JSON.stringify(body)}\n\n`), "data: [DONE]\n\n"],
  };
}
