import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import type { Logger } from "../lib/logger.ts";

export type McpSession = {
  id: string;
  userId: string;
  server: McpServer;
  transport: StreamableHTTPServerTransport;
  lastSeen: number;
  /** Requests still being answered (a followed job can hold one open for long); such a session is not idle. */
  openRequests: number;
};

/**
 * The live MCP sessions of this process. A session belongs to the user whose token opened it; it ends on
 * DELETE, when idle for `idleMs`, or when its user opens more than `maxPerUser` (the oldest goes first).
 */
export class McpSessions {
  private readonly sessions = new Map<string, McpSession>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: { idleMs: number; maxPerUser: number; logger: Logger }) {
    this.sweeper = setInterval(() => this.sweep(), Math.min(options.idleMs, 60_000));
    this.sweeper.unref();
  }

  /** The session, only when it belongs to `userId` (another user's session id is as good as unknown). */
  find(id: string, userId: string): McpSession | undefined {
    const session = this.sessions.get(id);
    if (!session || session.userId !== userId) return undefined;
    session.lastSeen = Date.now();
    return session;
  }

  add(session: McpSession): void {
    this.sessions.set(session.id, session);
    const own = [...this.sessions.values()]
      .filter((candidate) => candidate.userId === session.userId)
      .sort((a, b) => a.lastSeen - b.lastSeen);
    for (const oldest of own.slice(0, Math.max(0, own.length - this.options.maxPerUser))) {
      void this.end(oldest.id);
    }
  }

  /** Forgets a session the transport already closed. */
  forget(id: string): void {
    this.sessions.delete(id);
  }

  async end(id: string): Promise<void> {
    const session = this.sessions.get(id);
    if (!session) return;
    this.sessions.delete(id);
    await session.server.close().catch((error: unknown) => {
      this.options.logger.warn({ err: error, sessionId: id }, "MCP session did not close cleanly");
    });
  }

  get size(): number {
    return this.sessions.size;
  }

  async closeAll(): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.all([...this.sessions.keys()].map((id) => this.end(id)));
  }

  private sweep(): void {
    const cutoff = Date.now() - this.options.idleMs;
    for (const session of this.sessions.values()) {
      if (session.openRequests === 0 && session.lastSeen < cutoff) void this.end(session.id);
    }
  }
}
