import { mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
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

/**
 * Runs `work` with a path ffmpeg's `lut3d` reads as a `.cube`: the LUT written to a temporary file, or an
 * existing `.cube` file as is. ffmpeg picks the LUT format by extension, so a file stored without one
 * (storage keys have none) is linked under a `.cube` name rather than copied.
 */
export async function withCubePath<T>(
  lut: Lut3d | { cubeFile: string },
  work: (cubePath: string) => Promise<T>,
): Promise<T> {
  if (!("cubeFile" in lut)) return withTemporaryCube(lut, work);
  const { cubeFile } = lut;
  if (cubeFile.toLowerCase().endsWith(".cube")) return work(cubeFile);
  const folder = await mkdtemp(join(tmpdir(), "nollyai-lut-"));
  try {
    const cubePath = join(folder, "grade.cube");
    await symlink(resolve(cubeFile), cubePath);
    return await work(cubePath);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The `lut3d` filter (tetrahedral) for a `.cube` path. */
export function lut3dFilter(cubePath: string): string {
  return `lut3d=file=${escapeFilterPath(cubePath)}:interp=tetrahedral`;
}
