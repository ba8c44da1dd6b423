import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { humTone, pinkNoise } from "../../../media/audio/testing/noises.ts";
import { espeak, joinWithGaps, temporaryFolder, writeWav } from "../../../media/audio/testing/signals.ts";

/** Test media made on the spot: location dialogue with pink noise and 50 Hz hum, as wav and as a video. */
export type NoisyDialogue = { wav: Buffer; video: Buffer; silentVideo: Buffer };

function ffmpeg(args: string[]): void {
  execFileSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", ...args]);
}

/** Speech from espeak-ng with gaps, pink noise about 10 dB under it, and generator-like 50 Hz hum. */
export function makeNoisyDialogue(): NoisyDialogue {
  const folder = temporaryFolder("nollyai-audio-tools-");
  try {
    const speech = joinWithGaps([espeak("Action. The generator is too loud.", folder)], 0.5);
    const noise = pinkNoise(speech.length);
    const hum = humTone(speech.length, 50, 5);
    const peak = speech.reduce((max, value) => Math.max(max, Math.abs(value)), 0) || 1;
    const mix = speech.map(
      (value, index) => (0.3 * value) / peak + 0.02 * noise[index]! + 0.03 * hum[index]!,
    );
    const wavPath = path.join(folder, "dialogue.wav");
    writeWav(wavPath, [mix]);
    const videoPath = path.join(folder, "take.mp4");
    ffmpeg([
      ...["-f", "lavfi", "-i", "testsrc2=size=160x90:rate=12"],
      ...["-i", wavPath, "-shortest"],
      ...["-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", videoPath],
    ]);
    const silentPath = path.join(folder, "broll.mp4");
    ffmpeg([
      ...["-f", "lavfi", "-i", "testsrc2=size=160x90:rate=12:duration=1"],
      ...["-c:v", "libx264", "-pix_fmt", "yuv420p", "-an", silentPath],
    ]);
    return {
      wav: readFileSync(wavPath),
      video: readFileSync(videoPath),
      silentVideo: readFileSync(silentPath),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
