import type { z } from "zod";
import type { UserScope } from "../../db/rls.ts";
import type { CleanReport, WaveformFiles } from "../../media/audio/index.ts";
import type { BlobStorage } from "../../storage/blob-storage.ts";
import { type JobOutput, saveGeneratedFile } from "../../storage/save-generated-file.ts";
import type { waveformFilesView, waveformPairView } from "./audio-views.ts";

/**
 * The zoom level saved as JSON. One level is enough: peaks.js and wavesurfer re-scale to coarser zooms
 * themselves, and four JSON files per side would bury the project's file list.
 */
export const savedSamplesPerPixel = 1024;

type SaveContext = {
  transaction: UserScope;
  storage: BlobStorage;
  userId: string;
  projectId: string;
  jobOutput?: JobOutput;
};

async function saveSide(
  context: SaveContext,
  files: WaveformFiles,
  name: string,
): Promise<z.infer<typeof waveformFilesView>> {
  const json = files.json.find((level) => level.samplesPerPixel === savedSamplesPerPixel) ?? files.json[0];
  if (!json) throw new Error("the engine wrote no waveform JSON");
  const png = await saveGeneratedFile({
    ...context,
    name: `${name}.png`,
    kind: "image",
    mimeType: "image/png",
    content: { path: files.png },
  });
  const saved = await saveGeneratedFile({
    ...context,
    name: `${name}.json`,
    kind: "document",
    mimeType: "application/json",
    content: { path: json.file },
  });
  return { pngFileId: png.id, jsonFileId: saved.id, samplesPerPixel: json.samplesPerPixel };
}

/** Saves a clean's before/after waveforms (PNG and JSON) as project files, named after the source. */
export async function saveWaveforms(
  context: SaveContext,
  waveforms: NonNullable<CleanReport["waveforms"]>,
  baseName: string,
): Promise<z.infer<typeof waveformPairView>> {
  return {
    before: await saveSide(context, waveforms.before, `${baseName}-waveform-before`),
    after: await saveSide(context, waveforms.after, `${baseName}-waveform-after`),
  };
}
