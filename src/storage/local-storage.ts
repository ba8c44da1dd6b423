import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../lib/errors.ts";
import type { BlobStorage, PutResult } from "./blob-storage.ts";

const keyPattern = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)*$/;

/** Blob storage on the local disk under `root`: written to a temporary file, renamed into place when whole. */
export function createLocalStorage(root: string): BlobStorage {
  const resolve = (key: string) => {
    if (!keyPattern.test(key) || key.includes(".."))
      throw new AppError("bad_request:storage_key", "Invalid storage key.");
    return path.join(root, key);
  };

  return {
    kind: "local",
    async put(key, body, options = {}) {
      const target = resolve(key);
      await mkdir(path.dirname(target), { recursive: true });
      const partial = `${target}.${randomBytes(6).toString("hex")}.partial`;
      const hash = createHash("sha256");
      const headLimit = options.headBytes ?? 65_536;
      const headChunks: Buffer[] = [];
      let headLength = 0;
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          if (options.maxBytes !== undefined && size > options.maxBytes) {
            const limit = `${Number((options.maxBytes / 1024 / 1024).toFixed(1))} MB`;
            callback(
              new AppError(
                "payload_too_large:file",
                `The file is larger than the ${limit} allowed for its kind.`,
                {
                  details: { maxBytes: options.maxBytes },
                },
              ),
            );
            return;
          }
          if (headLength < headLimit) {
            headChunks.push(chunk.subarray(0, headLimit - headLength));
            headLength += Math.min(chunk.length, headLimit - headLength);
          }
          hash.update(chunk);
          callback(null, chunk);
        },
      });
      try {
        await pipeline(body, meter, createWriteStream(partial, { flags: "wx" }));
        await rename(partial, target);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      const result: PutResult = {
        sizeBytes: size,
        sha256: hash.digest("hex"),
        head: Buffer.concat(headChunks),
      };
      return result;
    },
    read(key) {
      return createReadStream(resolve(key)) as Readable;
    },
    async localPath(key) {
      return resolve(key);
    },
    async delete(key) {
      await rm(resolve(key), { force: true });
    },
    async deletePrefix(prefix) {
      const directory = resolve(prefix);
      const count = await countFiles(directory);
      await rm(directory, { recursive: true, force: true });
      return count;
    },
    async exists(key) {
      return stat(resolve(key)).then(
        (info) => info.isFile(),
        () => false,
      );
    },
  };
}

async function countFiles(directory: string): Promise<number> {
  const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
  let count = 0;
  for (const entry of entries) {
    count += entry.isDirectory() ? await countFiles(path.join(directory, entry.name)) : 1;
  }
  return count;
}
