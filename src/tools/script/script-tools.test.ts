import { readFileSync } from "node:fs";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { creditBalance } from "../../credits/ledger.ts";
import { getFile } from "../../db/queries/files.ts";
import { createProject } from "../../db/queries/projects.ts";
import { user } from "../../db/schema.ts";
import type { JobSnapshot } from "../../jobs/job-service.ts";
import { saveGeneratedFile } from "../../storage/save-generated-file.ts";
import { signedInClient } from "../../web/server/testing/accounts.ts";
import { startTestStudio, type TestStudio } from "../../web/server/testing/test-studio.ts";
import { createToolContext } from "../context.ts";
import { findTool } from "../index.ts";
import { runTool } from "../run-tool.ts";
import type { ToolContext } from "../tool.ts";
import type { BreakdownScriptOutput } from "./breakdown-script/breakdown-script-input.ts";

const screenplays = path.resolve(import.meta.dirname, "../../../../shared/fixtures/screenplays");

let running: TestStudio;
let userId: string;
let projectId: string;
let scriptId: string;

function contextFor(caller: string, services: Record<string, unknown> = {}): ToolContext {
  const { studio } = running;
  return createToolContext(
    {
      db: studio.database.db,
      storage: studio.storage,
      jobs: studio.jobs,
      logger: studio.logger,
      ffmpeg: studio.ffmpeg,
      services: { retrieval: studio.retrieval, ...services },
    },
    { userId: caller, projectId },
  );
}

function call(name: string, input: unknown, context = contextFor(userId)): Promise<unknown> {
  const tool = findTool(name);
  if (!tool) throw new Error(`no tool ${name}`);
  return runTool(tool, context, input);
}

async function saveScript(name: string, content: string | Uint8Array): Promise<string> {
  const context = contextFor(userId);
  const file = await saveGeneratedFile({
    transaction: context.transaction,
    storage: running.studio.storage,
    userId,
    projectId,
    name,
    kind: "screenplay",
    mimeType: name.endsWith(".fdx") ? "application/x-final-draft" : "text/x-fountain",
    content: { bytes: content },
  });
  return file.id;
}

async function finished(jobId: string): Promise<JobSnapshot> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const job = await running.studio.jobs.get(userId, jobId);
    if (job.status === "succeeded" || job.status === "failed" || job.status === "cancelled") return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${jobId} did not finish`);
}

async function breakdown(fileId: string): Promise<{ job: JobSnapshot; output: BreakdownScriptOutput }> {
  const handle = (await call("breakdown-script", { fileId })) as { jobId: string; estimatedCredits: number };
  expect(handle.estimatedCredits).toBe(1);
  const job = await finished(handle.jobId);
  expect(job).toMatchObject({ status: "succeeded", creditsCaptured: 1 });
  return { job, output: job.output as BreakdownScriptOutput };
}

beforeAll(async () => {
  running = await startTestStudio();
  await signedInClient(running.studio, running.baseUrl, "producer@example.com");
  const [row] = await running.studio.database.db
    .select({ id: user.id })
    .from(user)
    .where(eq(user.email, "producer@example.com"));
  userId = row?.id ?? "";
  const context = contextFor(userId);
  projectId = (
    await context.transaction((tx) => createProject(tx, { ownerId: userId, title: "Brick & Steel" }))
  ).id;
  scriptId = await saveScript(
    "brick-and-steel.fountain",
    readFileSync(path.join(screenplays, "brick-and-steel.fountain"), "utf8"),
  );
}, 120_000);

afterAll(async () => {
  await running?.close();
});

describe("script breakdown", () => {
  test("read tools say to run breakdown-script first when there is no breakdown", async () => {
    await expect(call("list-scenes", {})).rejects.toMatchObject({
      code: "not_found:breakdown",
      message: expect.stringContaining("run breakdown-script first"),
    });
  });

  test("breakdown-script runs as a job, charges one credit once and writes every report", async () => {
    const before = await creditBalance(running.studio.database.db, userId);
    const { output } = await breakdown(scriptId);
    expect(await creditBalance(running.studio.database.db, userId)).toBe(before - 1);
    expect(output).toMatchObject({ fileId: scriptId, revision: 1, extractor: "offline", reused: false });
    expect(output.counts.scenes).toBeGreaterThanOrEqual(4);
    expect(output.counts.characters).toBeGreaterThanOrEqual(3);
    const context = contextFor(userId);
    for (const fileId of Object.values(output.files)) {
      const file = await context.transaction((tx) => getFile(tx, fileId));
      const bytes = await buffer(running.studio.storage.read(file.storageKey));
      expect(bytes.length, file.name).toBeGreaterThan(0);
    }
    const json = await context.transaction((tx) => getFile(tx, output.files.json));
    const stored = JSON.parse((await buffer(running.studio.storage.read(json.storageKey))).toString("utf8"));
    expect(stored.scenes).toHaveLength(output.counts.scenes);
    const sheets = await context.transaction((tx) => getFile(tx, output.files.sheetsPdf));
    expect(sheets).toMatchObject({
      mimeType: "application/pdf",
      name: "brick-and-steel-breakdown-sheets.pdf",
    });
    const pdf = await getDocumentProxy(
      new Uint8Array(await buffer(running.studio.storage.read(sheets.storageKey))),
    );
    const pages = (await extractText(pdf, { mergePages: false })).text;
    expect(pages[0]).toContain("ONE-LINER / STRIPBOARD");
    for (const scene of stored.scenes as Array<{
      number: string;
      set: string;
      elements: Array<{ name: string }>;
    }>) {
      const sheet = pages.find((page) => page.includes(`SCENE\n${scene.number}\n`));
      expect(sheet, `sheet of scene ${scene.number}`).toContain(scene.set);
      for (const element of scene.elements) expect(sheet).toContain(element.name);
    }
    const fdx = await context.transaction((tx) => getFile(tx, output.files.fdx));
    expect((await buffer(running.studio.storage.read(fdx.storageKey))).toString("utf8")).toContain(
      "<FinalDraft",
    );
    const found = (await call("search-project", {
      query: "cast list Brick Steel",
      sourceTypes: ["breakdown"],
    })) as {
      passages: Array<{ source: { type: string; id: string } }>;
    };
    expect(found.passages[0]?.source).toMatchObject({ type: "breakdown", id: scriptId });
  });

  test("the read tools answer from the stored breakdown", async () => {
    const all = (await call("list-scenes", {})) as {
      totalScenes: number;
      scenes: Array<{ number: string; set: string }>;
    };
    expect(all.scenes).toHaveLength(all.totalScenes);
    // The job's output carries the same scenes, so its card shows the breakdown without asking again.
    const [finishedJob] = await running.studio.jobs.list(userId, { projectId, status: "succeeded" });
    const jobOutput = finishedJob?.output as BreakdownScriptOutput | undefined;
    expect(jobOutput?.scenes).toEqual(all.scenes);
    const patio = (await call("list-scenes", { location: "patio" })) as { scenes: Array<{ set: string }> };
    expect(patio.scenes.length).toBeGreaterThan(0);
    expect(patio.scenes.every((scene) => /patio/i.test(scene.set))).toBe(true);
    const night = (await call("list-scenes", { timeOfDay: "NIGHT" })) as { scenes: unknown[] };
    expect(night.scenes.length).toBeLessThan(all.totalScenes);

    const first = (await call("get-scene", { fileId: scriptId, sceneNumber: 1 })) as {
      scene: { heading: string; speaking: string[]; elements: Array<{ category: string; name: string }> };
    };
    expect(first.scene.heading).toMatch(/BRICK'S PATIO/);
    expect(first.scene.speaking).toEqual(expect.arrayContaining(["BRICK", "STEEL"]));
    await expect(call("get-scene", { sceneNumber: 99 })).rejects.toMatchObject({ code: "not_found:scene" });

    const cast = (await call("get-cast-report", {})) as {
      cast: Array<{ name: string; castNumber: number; sceneCount: number; firstScene: string | null }>;
    };
    const brick = cast.cast.find((row) => row.name === "BRICK");
    expect(brick).toMatchObject({ firstScene: "1" });
    expect(brick?.sceneCount).toBeGreaterThan(0);
    expect(brick?.castNumber).toBeLessThanOrEqual(2);

    const brickScenes = (await call("find-elements", { query: "which scenes is Brick in?" })) as {
      matches: Array<{ category: string; name: string; scenes: Array<{ number: string }> }>;
    };
    expect(brickScenes.matches).toContainEqual(
      expect.objectContaining({
        category: "cast",
        name: "BRICK",
        scenes: expect.arrayContaining([
          { key: expect.any(String), number: "1", heading: expect.any(String) },
        ]),
      }),
    );
  });

  test("a correction is applied at once and survives re-running the breakdown", async () => {
    const corrected = (await call("correct-breakdown", {
      kind: "add",
      sceneNumber: "1",
      name: "goat",
      category: "animals",
    })) as { breakdown: { revision: number }; scene: { elements: Array<{ name: string }> } };
    expect(corrected.breakdown.revision).toBe(2);
    expect(corrected.scene.elements).toContainEqual({ category: "animals", name: "goat" });
    const goat = (await call("find-elements", { query: "which scenes need the goat?" })) as {
      matches: Array<{ name: string; scenes: Array<{ number: string }> }>;
    };
    expect(goat.matches).toEqual([
      expect.objectContaining({ name: "goat", scenes: [expect.objectContaining({ number: "1" })] }),
    ]);
    await expect(
      call("correct-breakdown", { kind: "remove", sceneNumber: "1", name: "unicorn" }),
    ).rejects.toMatchObject({ code: "not_found:element" });

    const { output } = await breakdown(scriptId);
    expect(output).toMatchObject({ revision: 2, reused: true, unappliedCorrections: 0 });
    const again = (await call("get-scene", { sceneNumber: "1" })) as {
      scene: { elements: Array<{ name: string }> };
    };
    expect(again.scene.elements).toContainEqual({ category: "animals", name: "goat" });
  });

  test("an unreadable or wrong file is refused before any credit is reserved", async () => {
    const before = await creditBalance(running.studio.database.db, userId);
    const malformed = await saveScript(
      "broken.fdx",
      '<?xml version="1.0"?><FinalDraft DocumentType="Script"><Content><Paragraph Type="Scene Heading"><Text>INT. HOUSE',
    );
    await expect(call("breakdown-script", { fileId: malformed })).rejects.toMatchObject({
      code: expect.stringMatching(/^(unprocessable|unsupported_media_type):/),
    });
    const empty = await saveScript("empty.fountain", "   \n\n");
    await expect(call("breakdown-script", { fileId: empty })).rejects.toMatchObject({
      code: "unprocessable:screenplay",
    });
    const huge = await saveScript("all-drafts.fountain", new Uint8Array(21 * 1024 * 1024).fill(0x41));
    await expect(call("breakdown-script", { fileId: huge })).rejects.toMatchObject({
      code: "payload_too_large:screenplay",
    });
    await expect(call("breakdown-script", { fileId: scriptId, extractor: "model" })).rejects.toMatchObject({
      code: "unavailable:script_model",
    });
    expect(await creditBalance(running.studio.database.db, userId)).toBe(before);
    expect(await running.studio.jobs.list(userId, { projectId, status: "failed" })).toHaveLength(0);
  });
});
