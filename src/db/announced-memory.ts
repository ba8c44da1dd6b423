import type { Logger } from "../lib/logger.ts";
import type { Listen } from "./client.ts";

export type AnnouncedMemoryOptions<Value> = {
  listen: Listen;
  /** The channel changes are announced on (NOTIFY from any process, or in-process on PGlite). */
  channel: string;
  /** Which remembered values a change makes stale. */
  staleAfter: (change: string, key: string, value: Value) => boolean;
  /** Whether a remembered value may still be served now (an expiry, a renewal time). */
  usable?: (value: Value, now: number) => boolean;
  logger: Logger;
  /** What the memory is of, for the warning when LISTEN fails. */
  describe: string;
  /** How long a value is trusted without loading it again; 0 remembers nothing. */
  ttlMs: number;
  /** At most this many values are held; the oldest go first. */
  maxEntries?: number;
  /** The clock (milliseconds since the epoch); tests move it. */
  now?: () => number;
};

export type AnnouncedMemory<Value> = {
  /** The value of `key`, through `load` when it is not remembered; only found values are remembered. */
  read(key: string, load: () => Promise<Value | undefined>): Promise<Value | undefined>;
  /** A change made in this process: forgotten at once, before its announcement comes back. */
  changed(change: string): void;
  /** Stops listening and forgets everything. */
  close(): Promise<void>;
};

/**
 * A short in-process memory of values read from the database, kept honest by announcements: every change
 * is announced on a channel that every process LISTENs to, and what it makes stale is forgotten. A read that
 * raced a change is not remembered; the TTL bounds what a missed announcement (a dropped LISTEN connection)
 * could leave behind. Without LISTEN nothing is remembered.
 */
export function createAnnouncedMemory<Value>(options: AnnouncedMemoryOptions<Value>): AnnouncedMemory<Value> {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: Value; freshUntil: number }>();
  /** Bumped by every change heard, so a load that raced one is not remembered. */
  let changesHeard = 0;
  let listening: Promise<boolean> | undefined;
  let stopListening: (() => Promise<void>) | undefined;
  let closed = false;

  const changed = (change: string) => {
    changesHeard++;
    for (const [key, entry] of entries) {
      if (options.staleAfter(change, key, entry.value)) entries.delete(key);
    }
  };
  const startListening = () => {
    listening ??= options.listen(options.channel, changed).then(
      (unlisten) => {
        stopListening = unlisten;
        return true;
      },
      (error: unknown) => {
        options.logger.warn(
          { err: error },
          `cannot LISTEN for changes of ${options.describe}; reading every time`,
        );
        return false;
      },
    );
    return listening;
  };

  return {
    async read(key, load) {
      const cached = entries.get(key);
      if (cached) {
        const at = now();
        if (at < cached.freshUntil && (options.usable?.(cached.value, at) ?? true)) return cached.value;
        entries.delete(key);
      }
      const canRemember = options.ttlMs > 0 && !closed && (await startListening());
      const heardBefore = changesHeard;
      const value = await load();
      if (value !== undefined && canRemember && changesHeard === heardBefore) {
        entries.set(key, { value, freshUntil: now() + options.ttlMs });
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      }
      return value;
    },
    changed,
    async close() {
      closed = true;
      entries.clear();
      if (listening && (await listening)) await stopListening?.();
    },
  };
}
