import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

/** The repository root, where `node --import tsx` resolves the project. */
export const repositoryRoot = new URL("../../../", import.meta.url).pathname;

/** An SDK client over Streamable HTTP with a bearer token. */
export async function connectHttpClient(baseUrl: string, token: string): Promise<Client> {
  const client = new Client({ name: "nollyai-test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL("/mcp", baseUrl), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  await client.connect(transport);
  return client;
}

/** Start-up (tsx compiling the studio, opening its database) is not under test, and slow on a busy machine. */
export const stdioStartupTimeoutMs = 5 * 60_000;

/** An SDK client over stdio, spawning `node --import tsx <entry>` with `environment` added. */
export async function connectStdioClient(
  entry: string,
  environment: Record<string, string>,
): Promise<Client> {
  const client = new Client({ name: "nollyai-test", version: "1.0.0" });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ["--import", "tsx", entry],
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH ?? "", ...environment },
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  try {
    await client.connect(transport, { timeout: stdioStartupTimeoutMs });
  } catch (error) {
    throw new Error(`the stdio server did not start: ${stderr}`, { cause: error });
  }
  return client;
}
