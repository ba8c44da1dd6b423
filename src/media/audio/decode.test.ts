import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { isAppError } from "../../lib/errors.ts";
import { cleanBatch } from "./batch.ts";
import { decodeAudio } from "./decode.ts";
import { alsaSounds, systemFfmpeg, temporaryFolder } from "./testing/signals.ts";

let folder = "";
const source = `${alsaSounds}/Front_Center.wav`;

function make(name: string, args: string[]): string {
  const file = join(folder, name);
  execFileSync("ffmpeg", ["-v", "error", "-y", ...args, file]);
  return file;
}

async function failure(file: string) {
  try {
    await decodeAudio(systemFfmpeg, file);
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error(`${file} decoded`);
}

beforeAll(() => {
  folder = temporaryFolder();
});

describe("decodeAudio", () => {
  const formats: Array<[string, string[], number]> = [
    ["stereo-44k.wav", ["-i", source, "-ac", "2", "-ar", "44100"], 2],
    ["mono.mp3", ["-i", source, "-c:a", "libmp3lame"], 1],
    ["stereo.m4a", ["-i", source, "-ac", "2", "-c:a", "aac"], 2],
    ["surround.flac", ["-i", source, "-ac", "6", "-ar", "96000"], 6],
    ["voice.opus", ["-i", source, "-c:a", "libopus"], 1],
    [
      "film.mkv",
      [
        "-f",
        "lavfi",
        "-i",
        "testsrc2=size=160x120:duration=1.4",
        "-i",
        source,
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-c:a",
        "flac",
        "-shortest",
      ],
      1,
    ],
  ];
  for (const [name, args, channels] of formats) {
    test(`reads ${name} as 48 kHz float with ${channels} channel(s)`, async () => {
      const audio = await decodeAudio(systemFfmpeg, make(name, args));
      expect(audio.sampleRate).toBe(48000);
      expect(audio.channels).toHaveLength(channels);
      expect(audio.duration).toBeGreaterThan(1.2);
      expect(audio.duration).toBeLessThan(1.6);
      const peak = Math.max(
        ...audio.channels.map((channel) => Math.max(...channel.subarray(0, 48000).map(Math.abs))),
      );
      expect(peak).toBeGreaterThan(0.05);
    });
  }

  test("a video without sound: unprocessable:audio, no audio stream", async () => {
    const file = make("silent-film.mp4", [
      "-f",
      "lavfi",
      "-i",
      "testsrc2=size=160x120:duration=1",
      "-c:v",
      "libx264",
      "-preset",
      "ultrafast",
    ]);
    const error = await failure(file);
    expect(error.code).toBe("unprocessable:audio");
    expect(error.message).toBe("The file has no audio stream");
  });

  test("a truncated WAV, a truncated MP3 and a cut MP4 are reported as truncated or corrupt", async () => {
    const wav = make("long.wav", ["-f", "lavfi", "-i", "sine=440:duration=3"]);
    const mp3 = make("long.mp3", ["-f", "lavfi", "-i", "sine=440:duration=3", "-c:a", "libmp3lame"]);
    const mp4 = make("long.mp4", ["-f", "lavfi", "-i", "sine=440:duration=3", "-c:a", "aac"]);
    for (const file of [wav, mp3, mp4]) {
      const cut = file.replace(".", "-cut.");
      const bytes = readFileSync(file);
      writeFileSync(cut, bytes.subarray(0, file.endsWith(".mp4") ? 2000 : Math.floor(bytes.length / 2)));
      const error = await failure(cut);
      expect(error.code, file).toBe("unprocessable:audio");
      expect(error.message).toMatch(/truncated|corrupt/);
    }
  });

  test("an empty file and a file that is not media get clear errors", async () => {
    const empty = join(folder, "empty.wav");
    writeFileSync(empty, "");
    expect((await failure(empty)).code).toBe("unprocessable:audio");
    expect((await failure(empty)).message).toMatch(/empty/);
    const text = join(folder, "notes.mp3");
    writeFileSync(text, "INT. MARKET - DAY\nAda walks in.\n".repeat(50));
    const error = await failure(text);
    expect(error.code).toBe("unsupported_media_type:audio");
  });
});

describe("cleanBatch", () => {
  test("bad files are reported one by one and the good files still come out", async () => {
    const good = make("good.wav", ["-i", source]);
    const empty = join(folder, "empty-batch.wav");
    writeFileSync(empty, "");
    const progress = new Set<number>();
    const results = await cleanBatch(systemFfmpeg, {
      items: [
        { input: good, output: join(folder, "good-clean.flac") },
        { input: empty, output: join(folder, "empty-clean.wav") },
        { input: good, output: join(folder, "good-clean.mp3") },
        { input: good, output: join(folder, "good-clean.m4a") },
      ],
      onProgress: (update) => progress.add(update.fileIndex),
    });
    expect(results.map((result) => result.ok)).toEqual([true, false, true, true]);
    expect(results[1]).toMatchObject({ ok: false, error: { code: "unprocessable:audio" } });
    expect([...progress].sort()).toEqual([0, 1, 2, 3]);
    for (const extension of ["flac", "mp3", "m4a"]) {
      const audio = await decodeAudio(systemFfmpeg, join(folder, `good-clean.${extension}`));
      expect(audio.duration).toBeGreaterThan(1.3);
    }
  }, 180_000);
});
