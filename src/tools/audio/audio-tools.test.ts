import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ffmpegLoudness, pictureMd5 } from "../../media/audio/testing/ffmpeg-meter.ts";
import { type ColorStudio, startColorStudio } from "../color/testing/color-studio.ts";
import type { CleanAudioOutput } from "./clean-audio/clean-audio-input.ts";
import { makeNoisyDialogue, type NoisyDialogue } from "./testing/noisy-dialogue.ts";

// The colour tools' harness is the generic "real studio + one signed-in user + a project" one.
let studio: ColorStudio;
let media: NoisyDialogue;

beforeAll(async () => {
  media = makeNoisyDialogue();
  studio = await startColorStudio("sound@example.com");
}, 120_000);
afterAll(() => studio?.close());

const isPng = (bytes: Buffer) => bytes.subarray(1, 4).toString() === "PNG";

describe("analyze-audio", () => {
  it("finds the 50 Hz hum and the noise, suggests what to switch on, and charges nothing", async () => {
    const fileId = await studio.upload("dialogue.wav", media.wav);
    const before = await studio.balance();
    const result = await studio.run("analyze-audio", { fileId });
    expect(result.hum).toMatchObject({ mains: 50 });
    expect(result.estimatedSnrDb).toBeLessThan(40);
    const suggestions = result.suggestions as string[];
    expect(suggestions.some((advice) => /hum removal/i.test(advice))).toBe(true);
    expect(suggestions.some((advice) => /noise reduction/i.test(advice))).toBe(true);
    expect(await studio.balance()).toBe(before);
  }, 20_000);
});

describe("preview-clean", () => {
  it("saves a cleaned preview with before/after waveforms and a report, for free", async () => {
    const fileId = await studio.upload("preview-source.wav", media.wav);
    const before = await studio.balance();
    const result = await studio.run("preview-clean", {
      fileId,
      options: { loudness: { target: "podcast" } },
    });
    const preview = await studio.fileBytes(result.previewFileId as string);
    expect(preview.subarray(0, 4).toString()).toBe("RIFF");
    const waveforms = result.waveforms as { before: { pngFileId: string }; after: { jsonFileId: string } };
    expect(isPng(await studio.fileBytes(waveforms.before.pngFileId))).toBe(true);
    const peaks = JSON.parse((await studio.fileBytes(waveforms.after.jsonFileId)).toString()) as {
      data: number[];
    };
    expect(peaks.data.length).toBeGreaterThan(0);
    expect(result.report).toMatchObject({
      decisions: expect.arrayContaining([expect.stringMatching(/hum/i)]),
    });
    expect(await studio.balance()).toBe(before);
  }, 20_000);
});

describe("clean-audio", () => {
  it("cleans a wav to podcast loudness as a job, saves waveforms, and captures 1 credit once", async () => {
    const fileId = await studio.upload("scene-4.wav", media.wav);
    const before = await studio.balance();
    const handle = await studio.run("clean-audio", { fileId, loudnessTarget: "podcast", removeHum: true });
    expect(handle).toMatchObject({ status: "queued", estimatedCredits: 1, rejected: [] });
    const job = await studio.waitForJob(handle.jobId as string);
    expect(job.error).toBeNull();
    expect(job.status).toBe("succeeded");
    const [result] = (job.output as CleanAudioOutput).files;
    if (!result?.ok) throw new Error(`the file did not come out: ${JSON.stringify(result)}`);
    expect(result.report.after.integratedLufs).toBeCloseTo(-16, 0);
    const cleanedPath = await studio.filePath(result.cleanedFileId);
    const measured = ffmpegLoudness(cleanedPath);
    expect(Math.abs(measured.integratedLufs - -16)).toBeLessThan(1);
    expect(measured.truePeakDbtp).toBeLessThanOrEqual(-0.9);
    expect(result.report.after.noiseFloorDb ?? 0).toBeLessThan(result.report.before.noiseFloorDb ?? 0);
    for (const side of [result.waveforms.before, result.waveforms.after]) {
      expect(isPng(await studio.fileBytes(side.pngFileId))).toBe(true);
      expect(JSON.parse((await studio.fileBytes(side.jsonFileId)).toString())).toMatchObject({ version: 2 });
    }
    expect(job.creditsCaptured).toBe(1);
    expect(await studio.balance()).toBe(before - 1);
  }, 30_000);

  it("in a batch, refuses a file with no audio stream before enqueueing, reports a truncated one, and the good video still comes out", async () => {
    const goodId = await studio.upload("take-2.mp4", media.video);
    const badId = await studio.upload("broll.mp4", media.silentVideo);
    // Its header promises twice the audio that is there: it passes the probe and fails when decoded.
    const truncatedId = await studio.upload(
      "cut-off.wav",
      media.wav.subarray(0, Math.floor(media.wav.length / 2)),
    );
    const before = await studio.balance();
    const handle = await studio.run("clean-audio", { fileIds: [goodId, badId, truncatedId] });
    expect(handle.estimatedCredits).toBe(2);
    expect(handle.rejected).toEqual([
      {
        fileId: badId,
        name: "broll.mp4",
        error: {
          code: "unprocessable:audio",
          message: expect.stringMatching(/"broll\.mp4" has no audio stream/),
        },
      },
    ]);
    const job = await studio.waitForJob(handle.jobId as string);
    expect(job.status).toBe("succeeded");
    const [good, truncated, ...rest] = (job.output as CleanAudioOutput).files;
    expect(rest).toHaveLength(0);
    expect(truncated).toMatchObject({
      ok: false,
      fileId: truncatedId,
      error: { code: "unprocessable:audio", message: expect.stringMatching(/truncated/) },
    });
    if (!good?.ok) throw new Error(`the video did not come out: ${JSON.stringify(good)}`);
    expect(good.cleanedKind).toBe("video");
    const cleanedPath = await studio.filePath(good.cleanedFileId);
    expect(pictureMd5(cleanedPath)).toBe(pictureMd5(await studio.filePath(goodId)));
    expect(job.creditsCaptured).toBe(1);
    expect(await studio.balance()).toBe(before - 1);
  }, 30_000);

  it("refuses a lone bad file with a clear error and reserves nothing", async () => {
    const before = await studio.balance();
    const badId = await studio.upload("silent-broll.mp4", media.silentVideo);
    await expect(studio.run("clean-audio", { fileId: badId })).rejects.toMatchObject({
      code: "unprocessable:audio",
      message: expect.stringMatching(/"silent-broll\.mp4" has no audio stream/),
    });
    const notesId = await studio.upload("notes.txt", "not a recording");
    await expect(studio.run("analyze-audio", { fileId: notesId })).rejects.toMatchObject({
      code: "unprocessable:audio",
      message: expect.stringMatching(/notes\.txt/),
    });
    await expect(
      studio.run("clean-audio", { fileIds: [badId], format: { container: "video" } }),
    ).rejects.toMatchObject({ code: "unprocessable:audio" });
    expect(await studio.balance()).toBe(before);
    expect(readFileSync(await studio.filePath(badId)).length).toBeGreaterThan(0);
  }, 20_000);
});
