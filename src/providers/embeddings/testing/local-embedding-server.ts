import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** A request the server received: path, headers and JSON body. */
export type RecordedRequest = { path: string; headers: IncomingMessage["headers"]; body: unknown };

/**
 * A local HTTP server standing in for a cloud embedding API in tests: `respond` turns each JSON request
 * into a status and JSON body shaped as the real service's, so the real AI SDK client code runs.
 */
export async function startLocalEmbeddingServer(
  respond: (request: RecordedRequest) => { status: number; body: unknown },
): Promise<{ url: string; requests: RecordedRequest[]; close(): Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const parts: Buffer[] = [];
    request.on("data", (part: Buffer) => parts.push(part));
    request.on("end", () => {
      const text = Buffer.concat(parts).toString("utf8");
      const recorded = {
        path: request.url ?? "",
        headers: request.headers,
        body: text ? JSON.parse(text) : null,
      };
      requests.push(recorded);
      const { status, body } = respond(recorded);
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
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

/** A deterministic fake vector for a text, so tests can tell which text a vector belongs to. */
export function fakeVector(text: string, dimensions: number): number[] {
  const vector = Array.from({ length: dimensions }, (_, index) => Math.sin(index + text.length));
  vector[0] = text.length;
  return vector;
}
