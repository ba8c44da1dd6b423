import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createProject } from "../db/queries/projects.ts";
import { userScope, withUser } from "../db/rls.ts";
import { files, profiles, user } from "../db/schema.ts";
import { createTestDatabase, type TestDatabase } from "../db/testing/test-database.ts";
import { isId, newId } from "../lib/ids.ts";
import { createLocalStorage } from "./local-storage.ts";
import { jobOutputFileId, saveGeneratedFile } from "./save-generated-file.ts";

let database: TestDatabase;
let root: string;
let projectId: string;
const userId = "maker";

beforeAll(async () => {
  database = await createTestDatabase();
  root = mkdtempSync(path.join(os.tmpdir(), "nollyai-generated-"));
  await database.db.insert(user).values({ id: userId, name: userId, email: "maker@example.com" });
  await database.db.insert(profiles).values({ ownerId: userId, displayName: userId, credits: 0 });
  projectId = (
    await withUser(database.db, userId, (tx) => createProject(tx, { ownerId: userId, title: "Reels" }))
  ).id;
});
afterAll(async () => {
  await database?.dispose();
  rmSync(root, { recursive: true, force: true });
});

const save = (name: string, text: string, jobOutput?: { jobId: string; step: string }) =>
  saveGeneratedFile({
    transaction: userScope(database.db, userId),
    storage: createLocalStorage(root),
    userId,
    projectId,
    name,
    kind: "document",
    mimeType: "text/plain",
    content: { bytes: text },
    ...(jobOutput ? { jobOutput } : {}),
  });

const rowsNamed = (name: string) =>
  withUser(database.db, userId, (tx) => tx.select().from(files).where(eq(files.name, name)));

it("returns the file a job step saved before when the step runs again", async () => {
  const output = { jobId: newId(), step: "write-sheets" };
  const first = await save("sheets.html", "first run", output);
  const again = await save("sheets.html", "rerun after a crash", output);
  expect(again.id).toBe(first.id);
  expect(isId(first.id)).toBe(true);
  expect(await rowsNamed("sheets.html")).toHaveLength(1);
});

it("keeps outputs of other names, steps and jobs apart, and unkeyed files always new", async () => {
  const jobId = newId();
  const ids = new Set([
    jobOutputFileId({ jobId, step: "a" }, "x.png"),
    jobOutputFileId({ jobId, step: "a" }, "y.png"),
    jobOutputFileId({ jobId, step: "b" }, "x.png"),
    jobOutputFileId({ jobId: newId(), step: "a" }, "x.png"),
  ]);
  expect(ids.size).toBe(4);
  expect([...ids].every(isId)).toBe(true);
  const one = await save("notes.txt", "one");
  const two = await save("notes.txt", "two");
  expect(one.id).not.toBe(two.id);
  expect(await rowsNamed("notes.txt")).toHaveLength(2);
});
