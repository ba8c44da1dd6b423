import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FfmpegPaths } from "../../ffmpeg/run.ts";
import { ComplexFft } from "../fft.ts";

/** The system ffmpeg, for tests and the benchmark. */
export const systemFfmpeg: FfmpegPaths = { ffmpeg: "ffmpeg", ffprobe: "ffprobe" };

export const sampleRate = 48000;
export const alsaSounds = "/usr/share/sounds/alsa";
/**
 * `asterisk-core-sounds-en-wav` installs its voice under en_US_f_Allison and links `en` to it from
 * its post-install script, which a bare image may have skipped.
 */
export const asteriskSounds =
  ["/usr/share/asterisk/sounds/en", "/usr/share/asterisk/sounds/en_US_f_Allison"].find((folder) =>
    existsSync(folder),
  ) ?? "/usr/share/asterisk/sounds/en";

/** A fresh temporary folder for one test file. */
export function temporaryFolder(prefix = "nolly-audio-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Reads any file through ffmpeg as mono 48 kHz float. */
export function readMono(file: string): Float32Array {
  const bytes = execFileSync(
    "ffmpeg",
    ["-v", "error", "-i", file, "-ac", "1", "-ar", "48000", "-f", "f32le", "-"],
    {
      maxBuffer: 1 << 30,
    },
  );
  const samples = new Float32Array(bytes.byteLength / 4);
  new Uint8Array(samples.buffer).set(bytes);
  return samples;
}

/** Writes mono or interleaves several channels into a float WAV. */
export function writeWav(file: string, channels: Float32Array[], rate = sampleRate): void {
  const frames = channels[0]?.length ?? 0;
  const interleaved = new Float32Array(frames * channels.length);
  for (let frame = 0; frame < frames; frame++) {
    for (let channel = 0; channel < channels.length; channel++) {
      interleaved[frame * channels.length + channel] = channels[channel]![frame]!;
    }
  }
  const raw = `${file}.raw`;
  writeFileSync(raw, Buffer.from(interleaved.buffer));
  execFileSync(
    "ffmpeg",
    ["-v", "error", "-y", "-f", "f32le", "-ar", String(rate), "-ac", String(channels.length)].concat([
      "-i",
      raw,
      "-c:a",
      "pcm_f32le",
      file,
    ]),
  );
}

/** Synthetic speech from espeak-ng at 48 kHz. */
export function espeak(text: string, folder: string, voice = "en"): Float32Array {
  const file = join(folder, `espeak-${Math.abs(hash(text))}.wav`);
  execFileSync("espeak-ng", ["-v", voice, "-s", "150", "-w", file, text]);
  return readMono(file);
}

function hash(text: string): number {
  let value = 0;
  for (const character of text) value = (value * 31 + character.charCodeAt(0)) | 0;
  return value;
}

/** Joins clips with `gapSeconds` of silence between and around them. */
export function joinWithGaps(clips: Float32Array[], gapSeconds: number): Float32Array {
  const gap = Math.round(gapSeconds * sampleRate);
  const total = clips.reduce((sum, clip) => sum + clip.length + gap, gap);
  const output = new Float32Array(total);
  let position = gap;
  for (const clip of clips) {
    output.set(clip, position);
    position += clip.length + gap;
  }
  return output;
}

/** Real recorded speech: ALSA's test announcements, about 5 s. */
export function recordedSpeech(): Float32Array {
  const names = ["Front_Center", "Rear_Right", "Side_Left"];
  return joinWithGaps(
    names.map((name) => readMono(`${alsaSounds}/${name}.wav`)),
    0.35,
  );
}

/** A seeded pseudo-random generator (mulberry32), so mixes are the same on every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

export function power(signal: Float32Array): number {
  let sum = 0;
  for (const value of signal) sum += value * value;
  return sum / Math.max(1, signal.length);
}

/** Adds `noise` to `speech` scaled to the given SNR (over the whole clip). */
export function mixAtSnr(speech: Float32Array, noise: Float32Array, snrDb: number): Float32Array {
  const scale = Math.sqrt(power(speech) / (power(noise) * 10 ** (snrDb / 10)));
  return speech.map((value, index) => value + scale * noise[index % noise.length]!);
}

/** Linear convolution by FFT. */
export function convolve(signal: Float32Array, impulse: Float32Array): Float32Array {
  let size = 1;
  while (size < signal.length + impulse.length) size *= 2;
  const fft = new ComplexFft(size);
  const aReal = new Float64Array(size);
  const aImaginary = new Float64Array(size);
  const bReal = new Float64Array(size);
  const bImaginary = new Float64Array(size);
  aReal.set(signal);
  bReal.set(impulse);
  fft.transform(aReal, aImaginary);
  fft.transform(bReal, bImaginary);
  for (let index = 0; index < size; index++) {
    const real = aReal[index]! * bReal[index]! - aImaginary[index]! * bImaginary[index]!;
    aImaginary[index] = aReal[index]! * bImaginary[index]! + aImaginary[index]! * bReal[index]!;
    aReal[index] = real;
  }
  fft.transform(aReal, aImaginary, true);
  return new Float32Array(signal.length).map((_, index) => aReal[index]! / size);
}
