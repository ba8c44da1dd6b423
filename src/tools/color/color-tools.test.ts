import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCube } from "../../media/color/index.ts";
import { type ColorStudio, ffmpeg, makeMedia, startColorStudio } from "./testing/color-studio.ts";

let color: ColorStudio;
let media: Awaited<ReturnType<typeof makeMedia>>;

beforeAll(async () => {
  [color, media] = await Promise.all([startColorStudio("colourist@example.com"), makeMedia()]);
}, 90_000);
afterAll(() => color?.close());

const audioMd5 = (file: string) =>
  ffmpeg(["-i", file, "-map", "0:a", "-c", "copy", "-f", "md5", "-"]).toString().trim();

describe("grade-media", () => {
  it("grades a still with a preset, saves the image and its .cube, records a version, charges 1 credit", async () => {
    const fileId = await color.upload("market.png", media.png);
    const before = await color.balance();
    const handle = await color.run("grade-media", { fileId, preset: "nollywood-warm" });
    expect(handle).toMatchObject({ status: "queued", estimatedCredits: 1 });
    const job = await color.waitForJob(handle.jobId as string);
    expect(job.error).toBeNull();
    expect(job.status).toBe("succeeded");
    const output = job.output as {
      gradedFileId: string;
      lutFileId: string;
      version: number;
      lookName: string;
    };
    expect(output).toMatchObject({ version: 1, lookName: "Nollywood Warm" });
    const graded = await color.fileBytes(output.gradedFileId);
    expect(graded.subarray(1, 4).toString()).toBe("PNG");
    expect(graded.equals(media.png)).toBe(false);
    expect((await color.fileBytes(output.lutFileId)).toString()).toMatch(/^LUT_3D_SIZE 33$/m);
    expect(job.creditsCaptured).toBe(1);
    expect(await color.balance()).toBe(before - 1);

    const again = await color.run("grade-media", { fileId, preset: "noir", adjustments: { exposure: 0.3 } });
    const second = await color.waitForJob(again.jobId as string);
    expect(second.output).toMatchObject({ version: 2, lookName: "Noir + adjusted" });
  }, 20_000);

  it("grades a video, copying the audio bit for bit, charging 2 credits for a started minute", async () => {
    const fileId = await color.upload("clip.mp4", media.video);
    const before = await color.balance();
    const handle = await color.run("grade-media", { fileId, preset: "cinematic" });
    expect(handle.estimatedCredits).toBe(2);
    const job = await color.waitForJob(handle.jobId as string);
    expect(job.error).toBeNull();
    const output = job.output as { gradedFileId: string };
    const sourcePath = await color.filePath(fileId);
    const gradedPath = await color.filePath(output.gradedFileId);
    expect(audioMd5(gradedPath)).toBe(audioMd5(sourcePath));
    const frame = (file: string) =>
      ffmpeg(["-i", file, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"]);
    expect(frame(gradedPath).equals(frame(sourcePath))).toBe(false);
    expect(job.creditsCaptured).toBe(2);
    expect(await color.balance()).toBe(before - 2);
  }, 20_000);

  it("rejects a video without a video stream and a malformed .cube before reserving anything", async () => {
    const before = await color.balance();
    const jobsBefore = await color.jobCount();
    const soundId = await color.upload("sound.mp4", media.audioOnly);
    await expect(color.run("grade-media", { fileId: soundId, preset: "moody" })).rejects.toMatchObject({
      code: "unprocessable:video",
      message: expect.stringMatching(/no video stream/),
    });
    const imageId = await color.upload("still.png", media.png);
    const brokenLut = await color.upload("broken.cube", "LUT_3D_SIZE 2\n0 0 0\n1 1 1\n");
    await expect(color.run("grade-media", { fileId: imageId, lutFileId: brokenLut })).rejects.toMatchObject({
      code: "unprocessable:lut",
      message: expect.stringMatching(/broken\.cube/),
    });
    expect(await color.balance()).toBe(before);
    expect(await color.jobCount()).toBe(jobsBefore);
  }, 20_000);
});

describe("grade history", () => {
  it("lists a shot's grade versions and copies the latest grade to other shots", async () => {
    const sourceId = await color.upload("shot-a.png", media.png);
    const first = await color.run("grade-media", {
      fileId: sourceId,
      preset: "vintage",
      adjustments: { tint: 10 },
    });
    await color.waitForJob(first.jobId as string);
    const history = (await color.run("list-grade-versions", { fileId: sourceId })).versions as {
      version: number;
      grade: { spec: { preset: string } };
    }[];
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ version: 1, grade: { spec: { preset: "vintage" } } });

    const targetId = await color.upload("shot-b.png", media.reference);
    const copied = await color.run("copy-grade", { fileId: sourceId, toFileIds: [targetId] });
    const [handle] = copied.jobs as { jobId: string; fileId: string }[];
    const job = await color.waitForJob(handle!.jobId);
    expect(job.output).toMatchObject({ version: 1, lookName: "Vintage + adjusted" });
    const targetHistory = (await color.run("list-grade-versions", { fileId: targetId })).versions;
    expect(targetHistory).toMatchObject([{ version: 1, note: "copied from version 1" }]);
    await expect(
      color.run("copy-grade", { fileId: targetId, version: 9, toFileIds: [sourceId] }),
    ).rejects.toMatchObject({
      code: "not_found:grade_version",
    });
  }, 30_000);
});

const isPng = (bytes: Buffer) => bytes.subarray(1, 4).toString() === "PNG";

describe("the fast colour tools", () => {
  it("previews a grade on a still and on a video frame as PNGs with scopes, for free", async () => {
    const before = await color.balance();
    const imageId = await color.upload("still.png", media.png);
    const still = await color.run("preview-grade", { fileId: imageId, preset: "moody" });
    const files = still.files as Record<string, string>;
    expect(Object.keys(files).sort()).toEqual(["after", "before", "sideBySide", "split"]);
    for (const id of Object.values(files)) expect(isPng(await color.fileBytes(id))).toBe(true);
    expect((await color.fileBytes(files.after!)).equals(await color.fileBytes(files.before!))).toBe(false);
    const scopes = still.scopes as { after: Record<string, string> };
    expect(isPng(await color.fileBytes(scopes.after.waveform!))).toBe(true);

    const videoId = await color.upload("clip.mp4", media.video);
    const frame = await color.run("preview-grade", { fileId: videoId, preset: "noir", scopes: false });
    expect(frame).toMatchObject({ atSeconds: 0.5, scopes: null, lookName: "Noir" });
    expect(isPng(await color.fileBytes((frame.files as Record<string, string>).split!))).toBe(true);
    expect(await color.balance()).toBe(before);
  }, 20_000);

  it("exports a grade as a parsable .cube of the asked size", async () => {
    const exported = await color.run("export-lut", {
      projectId: color.projectId,
      preset: "golden-hour",
      adjustments: { saturation: 1.2 },
      size: 65,
    });
    const file = exported.file as { id: string; kind: string; name: string };
    expect(file).toMatchObject({ kind: "lut", name: "nollyai-golden-hour-adjusted-65.cube" });
    const lut = parseCube((await color.fileBytes(file.id)).toString());
    expect(lut.size).toBe(65);
    const byAlias = await color.run("export-lut", { projectId: color.projectId, preset: "teal-orange" });
    expect(byAlias.lookName).toBe("Cinematic");
  }, 20_000);

  it("saves a user preset, lists it beside the built-ins and grades with it", async () => {
    const saved = await color.run("save-preset", {
      name: "Lagos Night",
      preset: "moody",
      adjustments: { temperature: -30, lift: { b: 0.01 } },
    });
    expect(saved).toMatchObject({
      replaced: false,
      grade: { temperature: -30, exposure: -0.35, lift: { b: 0.01 } },
    });
    const listed = (await color.run("list-presets", {})).presets as { name: string; source: string }[];
    expect(listed.filter((preset) => preset.source === "built-in")).toHaveLength(7);
    expect(listed).toContainEqual(expect.objectContaining({ name: "Lagos Night", source: "user" }));
    const again = await color.run("save-preset", { name: "Lagos Night", adjustments: { exposure: 0.1 } });
    expect(again.replaced).toBe(true);
    const exported = await color.run("export-lut", { projectId: color.projectId, userPreset: "Lagos Night" });
    expect(exported.lookName).toBe("Lagos Night");
    await expect(
      color.run("export-lut", { projectId: color.projectId, userPreset: "Nobody's" }),
    ).rejects.toMatchObject({ code: "not_found:preset" });
  }, 20_000);

  it("matches a shot to a reference still as a .cube and reports the statistics", async () => {
    const shotId = await color.upload("shot.png", media.png);
    const referenceId = await color.upload("sunset.png", media.reference);
    const matched = await color.run("match-to-reference", { fileId: shotId, referenceFileId: referenceId });
    const lutFile = matched.lutFile as { id: string };
    expect(parseCube((await color.fileBytes(lutFile.id)).toString()).size).toBe(33);
    const reference = matched.reference as { standardDeviation: number[] };
    expect(reference.standardDeviation[0]).toBeLessThan(0.01);
    const preview = await color.run("preview-grade", {
      fileId: shotId,
      lutFileId: lutFile.id,
      scopes: false,
    });
    expect(preview.lookName).toBe("LUT");
  }, 20_000);
});
