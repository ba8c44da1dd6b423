import type { Readable } from "node:stream";

export type PutResult = { sizeBytes: number; sha256: string; head: Buffer };

/**
 * Where file bytes live. Keys are made by the server (`owner/project/file`), never taken from a client.
 * `put` stores a stream completely or not at all: on any error nothing is left behind.
 */
export interface BlobStorage {
  readonly kind: "local" | "s3";
  put(key: string, body: Readable, options?: { maxBytes?: number; headBytes?: number }): Promise<PutResult>;
  read(key: string): Readable;
  /** A local path for engines that need a file (ffmpeg); local storage returns the file itself. */
  localPath(key: string): Promise<string>;
  delete(key: string): Promise<void>;
  deletePrefix(prefix: string): Promise<number>;
  exists(key: string): Promise<boolean>;
}
