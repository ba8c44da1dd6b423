import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { cleanAudio } from "../../../media/audio/index.ts";
import { pinkNoise } from "../../../media/audio/testing/noises.ts";
import {
  alsaSounds,
  readMono,
  systemFfmpeg,
  temporaryFolder,
  writeWav,
} from "../../../media/audio/testing/signals.ts";
import { abortCleans, withCleanSignal } from "./running-cleans.ts";

const folder = temporaryFolder("nollyai-running-cleans-");
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function noisyStereo(): string {
  const speech = readMono(`${alsaSounds}/Front_Center.wav`);
  const noise = pinkNoise(speech.length);
  const left = speech.map((value, index) => value + 0.05 * noise[index]!);
  const file = join(folder, "take.wav");
  writeWav(file, [left, left.map((value) => value * 0.9)]);
  return file;
}

describe("cancelling a clean-audio job", () => {
  test("aborts the clean running for that job, and only that one", async () => {
    const input = noisyStereo();
    const cleanFor = (jobId: string, output: string, onStage?: (stage: string) => void) =>
      withCleanSignal(jobId, (signal) =>
        cleanAudio(systemFfmpeg, {
          input,
          output: join(folder, output),
          signal,
          parallel: false,
          onProgress: ({ stage }) => onStage?.(stage),
        }),
      );
    let cancelled = false;
    const doomed = cleanFor("job-cancelled", "cancelled.wav", (stage) => {
      if (stage === "high-pass" && !cancelled) cancelled = abortCleans("job-cancelled");
    });
    const kept = cleanFor("job-kept", "kept.wav");
    await expect(doomed).rejects.toMatchObject({ name: "AbortError" });
    expect(cancelled).toBe(true);
    const report = await kept;
    expect(report.channels).toBe(2);
    // finished or aborted, a job leaves nothing behind to abort
    expect(abortCleans("job-cancelled")).toBe(false);
    expect(abortCleans("job-kept")).toBe(false);
  }, 180_000);
});
