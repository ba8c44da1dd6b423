import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatCube } from "./cube-write.ts";
import type { Lut3d } from "./lut.ts";

/** Quotes a path for an ffmpeg filter-graph option value (`:` `\` `'` `,` `[` `]` `;` are special there). */
export function escapeFilterPath(path: string): string {
  return path.replace(/[\\':,[\];]/g, (character) => `\\${character}`);
}

/**
 * Writes a LUT to a `.cube` in a fresh temporary folder for ffmpeg's `lut3d`, runs `work` with its
 * path, and removes the folder afterwards whatever happens.
 */
export async function withTemporaryCube<T>(
  lut: Lut3d,
  work: (cubePath: string, folder: string) => Promise<T>,
  parent: string = tmpdir(),
): Promise<T> {
  const folder = await mkdtemp(join(parent, "nollyai-lut-"));
  try {
    const cubePath = join(folder, "grade.cube");
    await writeFile(cubePath, formatCube(lut));
    return await work(cubePath, folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The `lut3d` filter (tetrahedral) for a `.cube` path. */
export function lut3dFilter(cubePath: string): string {
  return `lut3d=file=${escapeFilterPath(cubePath)}:interp=tetrahedral`;
}
