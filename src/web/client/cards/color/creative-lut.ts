import { parseCube } from "../../../../media/color/cube-import.ts";
import type { Lut3d } from "../../../../media/color/lut.ts";
import { fileContentUrl } from "./file-url.ts";

/**
 * Fetches a grade's creative `.cube` project file and parses it with the server's own parser (a shaper
 * or 1D file is baked into one 3D LUT the same way), so the preview mixes in the very LUT the render does.
 */
export async function fetchCreativeLut(fileId: string, fetcher: typeof fetch = fetch): Promise<Lut3d> {
  const response = await fetcher(fileContentUrl(fileId));
  if (!response.ok) throw new Error(`The look's .cube could not be loaded (HTTP ${response.status}).`);
  return parseCube(await response.text());
}
