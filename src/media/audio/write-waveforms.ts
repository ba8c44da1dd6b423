import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { defaultZoomLevels, waveformPeaks } from "./waveform.ts";
import { waveformPng } from "./waveform-image.ts";

/** Files written for one waveform: a JSON per zoom level and one PNG. */
export type WaveformFiles = { json: Array<{ samplesPerPixel: number; file: string }>; png: string };

/**
 * Writes `<name>-<samplesPerPixel>.json` (audiowaveform v2) for each zoom level and `<name>.png`
 * into `folder`.
 */
export async function writeWaveforms(request: {
  channels: Float32Array[];
  sampleRate: number;
  folder: string;
  name: string;
  zoomLevels?: number[];
  image?: { width: number; height: number; color?: [number, number, number] };
}): Promise<WaveformFiles> {
  const json: WaveformFiles["json"] = [];
  for (const samplesPerPixel of request.zoomLevels ?? defaultZoomLevels) {
    const file = join(request.folder, `${request.name}-${samplesPerPixel}.json`);
    await writeFile(
      file,
      JSON.stringify(waveformPeaks(request.channels, request.sampleRate, samplesPerPixel)),
    );
    json.push({ samplesPerPixel, file });
  }
  const image = request.image ?? { width: 1800, height: 280 };
  const finest = waveformPeaks(
    request.channels,
    request.sampleRate,
    Math.max(1, Math.floor((request.channels[0]?.length ?? 0) / image.width)),
  );
  const png = join(request.folder, `${request.name}.png`);
  await writeFile(
    png,
    await waveformPng(finest, {
      width: image.width,
      height: image.height,
      color: image.color ?? [94, 234, 212],
    }),
  );
  return { json, png };
}
