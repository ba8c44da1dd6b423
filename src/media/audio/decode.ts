import { stat } from "node:fs/promises";
import { AppError, isAppError } from "../../lib/errors.ts";
import { durationSeconds, type ProbeResult, probeMedia } from "../ffmpeg/probe.ts";
import { type FfmpegPaths, runFfmpeg } from "../ffmpeg/run.ts";
import { isTruncatedWav } from "./wav-header.ts";

/** The engine's working rate: RNNoise's native rate and the film/video standard. */
export const workingSampleRate = 48000;

/** Decoded audio: 32-bit float planes at 48 kHz, one per channel, plus what the source was. */
export type DecodedAudio = {
  sampleRate: number;
  channels: Float32Array[];
  /** Seconds of audio decoded. */
  duration: number;
  source: { file: string; codec: string; sampleRate: number; channelCount: number; hasVideo: boolean };
};

/** A decoded file shorter than this share of the duration its header declares was cut short. */
const truncatedShare = 0.95;

async function probeOrExplain(paths: FfmpegPaths, file: string): Promise<ProbeResult> {
  try {
    return await probeMedia(paths, file);
  } catch (error) {
    if (!isAppError(error) || error.code !== "unprocessable:media") throw error;
    const detail = error.cause instanceof Error ? error.cause.message : "";
    if (/moov atom not found|End of file|truncat|partial file/i.test(detail)) {
      throw new AppError(
        "unprocessable:audio",
        "The file is truncated or corrupt; export or copy it again.",
        {
          cause: error,
        },
      );
    }
    throw new AppError(
      "unsupported_media_type:audio",
      "The file is not an audio or video format we can read (try WAV, MP3, M4A, FLAC, OGG or MP4/MOV/MKV).",
      { cause: error },
    );
  }
}

/** The bytes as floats, without a copy when they already sit on a 4-byte boundary. */
function asFloats(bytes: Buffer): Float32Array {
  const length = Math.floor(bytes.byteLength / 4);
  if (bytes.byteOffset % 4 === 0) return new Float32Array(bytes.buffer, bytes.byteOffset, length);
  const aligned = new Float32Array(length);
  new Uint8Array(aligned.buffer).set(bytes.subarray(0, length * 4));
  return aligned;
}

function deinterleave(bytes: Buffer, channelCount: number): Float32Array[] {
  const aligned = asFloats(bytes);
  if (channelCount === 1) return [aligned.slice()];
  const frames = Math.floor(aligned.length / channelCount);
  const channels = Array.from({ length: channelCount }, () => new Float32Array(frames));
  for (let frame = 0; frame < frames; frame++) {
    for (let channel = 0; channel < channelCount; channel++) {
      channels[channel]![frame] = aligned[frame * channelCount + channel]!;
    }
  }
  return channels;
}

/**
 * Decodes the first audio stream of any file ffmpeg reads (wav, mp3, m4a/aac, flac, ogg/opus, the
 * audio of mp4/mov/mkv) to float PCM at 48 kHz, keeping the channel count. `maxSeconds` decodes
 * only the start (for previews). Bad input becomes an AppError a person can act on.
 */
export async function decodeAudio(
  paths: FfmpegPaths,
  file: string,
  options: { maxSeconds?: number; signal?: AbortSignal } = {},
): Promise<DecodedAudio> {
  const info = await stat(file).catch((error: unknown) => {
    throw new AppError("not_found:file", `The file ${file} does not exist.`, { cause: error });
  });
  if (info.size === 0) throw new AppError("unprocessable:audio", "The file is empty (0 bytes).");
  const probe = await probeOrExplain(paths, file);
  const stream = probe.streams.find((candidate) => candidate.codec_type === "audio");
  if (!stream) throw new AppError("unprocessable:audio", "The file has no audio stream");
  if (await isTruncatedWav(file, info.size)) {
    throw new AppError(
      "unprocessable:audio",
      "The WAV file is truncated: its header promises more audio than it holds.",
    );
  }
  const channelCount = stream.channels ?? 1;
  const limit = options.maxSeconds === undefined ? [] : ["-t", String(options.maxSeconds)];
  const { stdout } = await runFfmpeg(
    paths,
    [
      "-v",
      "error",
      ...limit,
      "-i",
      file,
      "-map",
      `0:${stream.index}`,
      "-ar",
      String(workingSampleRate),
    ].concat(["-ac", String(channelCount), "-c:a", "pcm_f32le", "-f", "f32le", "pipe:1"]),
    { signal: options.signal },
  ).catch((error: unknown) => {
    if (isAppError(error) && error.code === "unprocessable:media") {
      throw new AppError("unprocessable:audio", "The audio could not be decoded; the file may be corrupt.", {
        cause: error,
      });
    }
    throw error;
  });
  const channels = deinterleave(stdout, channelCount);
  const duration = (channels[0]?.length ?? 0) / workingSampleRate;
  const declared = Math.min(
    Number(stream.duration) || durationSeconds(probe),
    options.maxSeconds ?? Infinity,
  );
  if (duration === 0 || (declared > 0.5 && duration < declared * truncatedShare)) {
    throw new AppError(
      "unprocessable:audio",
      "The file is truncated or corrupt: it holds less audio than it declares.",
      {
        details: { declaredSeconds: declared, decodedSeconds: duration },
      },
    );
  }
  return {
    sampleRate: workingSampleRate,
    channels,
    duration,
    source: {
      file,
      codec: stream.codec_name ?? "unknown",
      sampleRate: Number(stream.sample_rate) || workingSampleRate,
      channelCount,
      hasVideo: probe.streams.some((candidate) => candidate.codec_type === "video"),
    },
  };
}
