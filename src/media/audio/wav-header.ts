import { open } from "node:fs/promises";

/**
 * For a RIFF/WAVE file, whether its `data` chunk claims more bytes than the file holds: a WAV cut
 * short still decodes (ffmpeg reads what is there), so only the header tells it was truncated.
 * Returns false for other formats and for streaming headers that leave the size open.
 */
export async function isTruncatedWav(file: string, fileSize: number): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const header = Buffer.alloc(Math.min(65536, fileSize));
    await handle.read(header, 0, header.length, 0);
    if (
      header.length < 12 ||
      header.toString("ascii", 0, 4) !== "RIFF" ||
      header.toString("ascii", 8, 12) !== "WAVE"
    ) {
      return false;
    }
    let offset = 12;
    while (offset + 8 <= header.length) {
      const id = header.toString("ascii", offset, offset + 4);
      const size = header.readUInt32LE(offset + 4);
      if (id === "data") {
        if (size === 0 || size === 0xffffffff) return false;
        return offset + 8 + size > fileSize;
      }
      offset += 8 + size + (size % 2);
    }
    return false;
  } finally {
    await handle.close();
  }
}
