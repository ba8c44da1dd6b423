import { extname } from "node:path";
import { AppError } from "../../lib/errors.ts";
import { type FfmpegPaths, runBinary } from "../ffmpeg/run.ts";
import type { OutputFormat } from "./options.ts";

function interleave(channels: Float32Array[]): Buffer {
  const frames = channels[0]?.length ?? 0;
  const count = channels.length;
  const interleaved = new Float32Array(frames * count);
  for (let channel = 0; channel < count; channel++) {
    const plane = channels[channel]!;
    for (let frame = 0; frame < frames; frame++) interleaved[frame * count + channel] = plane[frame]!;
  }
  return Buffer.from(interleaved.buffer);
}

function rawInput(channels: Float32Array[], sampleRate: number): string[] {
  return ["-f", "f32le", "-ar", String(sampleRate), "-ac", String(channels.length), "-i", "pipe:0"];
}

function codecArguments(format: Exclude<OutputFormat, { container: "video" }>): string[] {
  switch (format.container) {
    case "wav":
      return format.bitDepth === 16
        ? ["-af", "aresample=dither_method=triangular", "-c:a", "pcm_s16le"]
        : ["-c:a", "pcm_s24le"];
    case "flac":
      return format.bitDepth === 16
        ? ["-c:a", "flac", "-sample_fmt", "s16"]
        : ["-c:a", "flac", "-sample_fmt", "s32", "-bits_per_raw_sample", "24"];
    case "mp3":
      return ["-c:a", "libmp3lame", "-b:a", `${format.bitrateKbps}k`];
    case "m4a":
      return ["-c:a", "aac", "-b:a", `${format.bitrateKbps}k`, "-movflags", "+faststart"];
  }
}

/** Encodes float planes to an audio file (wav 16/24-bit, flac, mp3, m4a/aac). */
export async function encodeAudio(
  paths: FfmpegPaths,
  audio: { channels: Float32Array[]; sampleRate: number },
  output: string,
  format: Exclude<OutputFormat, { container: "video" }>,
  signal?: AbortSignal,
): Promise<void> {
  await runBinary(
    paths.ffmpeg,
    [
      "-hide_banner",
      "-nostdin",
      "-y",
      "-v",
      "error",
      ...rawInput(audio.channels, audio.sampleRate),
      ...codecArguments(format),
      output,
    ],
    { input: interleave(audio.channels), signal },
  );
}

/** The audio codec each video container takes the cleaned track in (lossless where it can). */
function videoAudioCodec(output: string): string[] {
  const extension = extname(output).toLowerCase();
  if (extension === ".mov") return ["-c:a", "pcm_s24le"];
  if (extension === ".mkv") return ["-c:a", "flac"];
  if (extension === ".webm") return ["-c:a", "libopus", "-b:a", "192k"];
  if (extension === ".mp4" || extension === ".m4v") return ["-c:a", "aac", "-b:a", "256k"];
  throw new AppError(
    "bad_request:output",
    `Cannot write video to "${extension}"; use .mp4, .mov, .mkv or .webm.`,
  );
}

/**
 * Puts the cleaned track into a copy of the video: the picture (and subtitles) are stream-copied,
 * never re-encoded, so they stay bit-exact; the audio starts at the same time as before.
 */
export async function replaceVideoAudio(
  paths: FfmpegPaths,
  request: {
    video: string;
    channels: Float32Array[];
    sampleRate: number;
    output: string;
    signal?: AbortSignal;
  },
): Promise<void> {
  await runBinary(
    paths.ffmpeg,
    [
      "-hide_banner",
      "-nostdin",
      "-y",
      "-v",
      "error",
      "-i",
      request.video,
      ...rawInput(request.channels, request.sampleRate),
    ]
      .concat([
        "-map",
        "0:v",
        "-map",
        "1:a",
        "-map",
        "0:s?",
        "-c:v",
        "copy",
        "-c:s",
        "copy",
        ...videoAudioCodec(request.output),
      ])
      .concat(["-map_metadata", "0", request.output]),
    { input: interleave(request.channels), signal: request.signal },
  );
}
