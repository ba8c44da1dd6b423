import { readdirSync } from "node:fs";
import { request as httpRequest } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { files } from "../../db/schema.ts";
import { projectView } from "../../tools/shared-schemas.ts";
import { signedInClient } from "./testing/accounts.ts";
import { TestClient } from "./testing/http-client.ts";
import { startTestStudio, type TestStudio } from "./testing/test-studio.ts";

let harness: TestStudio;
let alice: TestClient;
let bob: TestClient;

const fountain =
  "Title: Danfo\n\nEXT. OSHODI MARKET - DAY\n\nA yellow DANFO bus screeches to a halt.\n\nTUNDE\nOshodi! Oshodi!\n";
const pngBytes = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6300010000050001a5f645400000000049454e44ae426082",
  "hex",
);

beforeAll(async () => {
  harness = await startTestStudio({ UPLOAD_LIMIT_IMAGE_MB: "1" });
  alice = await signedInClient(harness.studio, harness.baseUrl, "alice@example.com");
  bob = await signedInClient(harness.studio, harness.baseUrl, "bob@example.com");
});
afterAll(() => harness.close());

const storedBlobs = () => {
  const walk = (directory: string): string[] =>
    readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(path.join(directory, entry.name)) : [entry.name],
    );
  try {
    return walk(path.join(harness.dataDir, "files"));
  } catch {
    return [];
  }
};
const fileRowCount = async () => (await harness.studio.database.db.select().from(files)).length;

describe("projects and files over HTTP", () => {
  it("creates, lists, renames, uploads, downloads and deletes with a report", async () => {
    const created = await alice.post("/api/projects", { title: "Danfo Dreams" });
    expect(created.status).toBe(201);
    const projectId = (created.data.project as { id: string }).id;

    const renamed = await alice.patch(`/api/projects/${projectId}`, { title: "Danfo Dreams (final)" });
    expect(renamed.data.project).toMatchObject({ title: "Danfo Dreams (final)" });
    const listed = await alice.get("/api/projects");
    expect(listed.data.projects).toHaveLength(1);

    const upload = await alice.upload(`/api/projects/${projectId}/files`, "danfo.fountain", fountain);
    expect(upload.status).toBe(201);
    expect(upload.data.file).toMatchObject({
      name: "danfo.fountain",
      kind: "screenplay",
      sizeBytes: fountain.length,
    });
    expect(upload.data.file).not.toHaveProperty("storageKey");
    const image = await alice.upload(`/api/projects/${projectId}/files`, "still.png", pngBytes);
    expect(image.data.file).toMatchObject({ kind: "image", mimeType: "image/png" });

    const fileId = (upload.data.file as { id: string }).id;
    const download = await alice.get(`/api/files/${fileId}/content`);
    expect(download.status).toBe(200);
    expect(download.data).toBe(fountain);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="?danfo.fountain"?$/);
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");

    const onlyImages = await alice.get(`/api/projects/${projectId}/files?kind=image`);
    expect(onlyImages.data.files).toHaveLength(1);

    const deleted = await alice.delete(`/api/projects/${projectId}`);
    expect(deleted.status).toBe(200);
    expect(deleted.data.deleted).toMatchObject({ rows: { projects: 1, files: 2 }, storedFiles: 2 });
    expect(storedBlobs()).toHaveLength(0);
    expect((await alice.get(`/api/projects/${projectId}`)).status).toBe(404);
  });

  it("answers every project route with the tools' project view (no owner id)", async () => {
    const publicShape = projectView.strict();
    const created = await alice.post("/api/projects", {
      title: "One shape",
      description: "REST and tools agree",
    });
    const project = publicShape.parse(created.data.project);
    expect(project).toMatchObject({ title: "One shape", description: "REST and tools agree" });

    const answers = [
      (await alice.get(`/api/projects/${project.id}`)).data.project,
      (await alice.patch(`/api/projects/${project.id}`, { title: "One shape, renamed" })).data.project,
      ...((await alice.get("/api/projects")).data.projects as unknown[]),
      ((await alice.delete(`/api/projects/${project.id}`)).data.deleted as { project: unknown }).project,
    ];
    for (const answer of answers) {
      expect(answer).not.toHaveProperty("ownerId");
      expect(publicShape.parse(answer).id).toBe(project.id);
    }
  });

  it("keeps user B out of user A's projects and files (404, as if they did not exist)", async () => {
    const projectId = (
      (await alice.post("/api/projects", { title: "Secret" })).data.project as { id: string }
    ).id;
    const fileId = (
      (await alice.upload(`/api/projects/${projectId}/files`, "s.fountain", fountain)).data.file as {
        id: string;
      }
    ).id;

    expect((await bob.get("/api/projects")).data.projects).toHaveLength(0);
    for (const attempt of [
      bob.get(`/api/projects/${projectId}`),
      bob.patch(`/api/projects/${projectId}`, { title: "mine now" }),
      bob.delete(`/api/projects/${projectId}`),
      bob.get(`/api/projects/${projectId}/files`),
      bob.upload(`/api/projects/${projectId}/files`, "x.fountain", fountain),
      bob.get(`/api/files/${fileId}`),
      bob.get(`/api/files/${fileId}/content`),
      bob.delete(`/api/files/${fileId}`),
    ]) {
      const response = await attempt;
      expect(response.status).toBe(404);
      expect(response.data.error.code).toMatch(/^not_found:/);
    }
    expect((await alice.get(`/api/projects/${projectId}`)).data.project).toMatchObject({ title: "Secret" });
    expect((await alice.get(`/api/files/${fileId}/content`)).data).toBe(fountain);
  });

  describe("bad input gets a clear JSON error and stores nothing", () => {
    let projectId: string;
    let rowsBefore: number;
    let blobsBefore: number;

    beforeAll(async () => {
      projectId = ((await alice.post("/api/projects", { title: "Bad input" })).data.project as { id: string })
        .id;
      rowsBefore = await fileRowCount();
      blobsBefore = storedBlobs().length;
    });

    it("malformed JSON is 400", async () => {
      const response = await alice.request("POST", "/api/projects", {
        body: '{"title": "oops",',
        headers: { "content-type": "application/json" },
      });
      expect(response.status).toBe(400);
      expect(response.data.error).toMatchObject({ code: "bad_request:json" });
      expect(response.data.error.message).toMatch(/not valid JSON/);
    });

    it("a missing title is 400 naming the field", async () => {
      const response = await alice.post("/api/projects", { title: "  " });
      expect(response.status).toBe(400);
      expect(response.data.error.message).toMatch(/title/);
    });

    it("missing auth is 401", async () => {
      const anonymous = new TestClient(harness.baseUrl);
      const response = await anonymous.get("/api/projects");
      expect(response.status).toBe(401);
      expect(response.data.error.code).toBe("unauthorized:session");
      expect(
        (await anonymous.upload(`/api/projects/${projectId}/files`, "a.fountain", fountain)).status,
      ).toBe(401);
    });

    it("an oversized upload is 413", async () => {
      const big = Buffer.concat([pngBytes, Buffer.alloc(1024 * 1024 + 10)]);
      const response = await alice.upload(`/api/projects/${projectId}/files`, "huge.png", big);
      expect(response.status).toBe(413);
      expect(response.data.error.code).toBe("payload_too_large:file");
    });

    it("an extension that disagrees with the content, or an unknown type, is 415", async () => {
      const renamedPng = await alice.upload(`/api/projects/${projectId}/files`, "script.fountain", pngBytes);
      expect(renamedPng.status).toBe(415);
      expect(renamedPng.data.error.message).toMatch(/content is png/);
      const textAsPng = await alice.upload(`/api/projects/${projectId}/files`, "photo.png", "not an image");
      expect(textAsPng.status).toBe(415);
      const unknown = await alice.upload(`/api/projects/${projectId}/files`, "virus.exe", "MZ....");
      expect(unknown.status).toBe(415);
      expect(unknown.data.error.message).toMatch(/Accepted: .*\.fountain/);
      const notALut = await alice.upload(`/api/projects/${projectId}/files`, "look.cube", "hello");
      expect(notALut.status).toBe(415);
    });

    it("a malformed or unknown id is 404, never 500", async () => {
      for (const pathname of [
        "/api/projects/not-a-uuid",
        "/api/projects/00000000-0000-4000-8000-000000000000",
        "/api/files/'; DROP TABLE files; --",
        "/api/files/00000000-0000-4000-8000-000000000000/content",
      ]) {
        const response = await alice.get(pathname);
        expect(response.status).toBe(404);
      }
    });

    it("an interrupted upload leaves no row and no partial file", async () => {
      const url = new URL(`/api/projects/${projectId}/files`, harness.baseUrl);
      const boundary = "----nollyai";
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.fountain"\r\nContent-Type: text/plain\r\n\r\n`;
      await new Promise<void>((resolve) => {
        const request = httpRequest(url, {
          method: "POST",
          headers: {
            "content-type": `multipart/form-data; boundary=${boundary}`,
            "content-length": "100000",
            cookie: alice.cookieHeader(),
            origin: harness.baseUrl,
          },
        });
        request.on("error", () => resolve());
        request.write(head + "INT. HALF WRITTEN - NIGHT\n".repeat(200));
        setTimeout(() => {
          request.destroy();
          resolve();
        }, 300);
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(storedBlobs().filter((name) => name.endsWith(".partial"))).toHaveLength(0);
    });

    it("stored nothing for any of them", async () => {
      expect(await fileRowCount()).toBe(rowsBefore);
      expect(storedBlobs()).toHaveLength(blobsBefore);
    });
  });
});
