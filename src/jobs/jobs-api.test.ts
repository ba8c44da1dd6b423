import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordSignUpGrant } from "../credits/ledger.ts";
import { signedInClient } from "../web/server/testing/accounts.ts";
import type { TestClient } from "../web/server/testing/http-client.ts";
import { type JobStudio, startJobStudio, waitFor } from "./testing/job-studio.ts";

let harness: JobStudio;
let alice: TestClient;
let bob: TestClient;
let aliceId: string;

beforeAll(async () => {
  harness = await startJobStudio({ NOTIFICATION_GROUP_MINUTES: "10", CREDITS_LOW_THRESHOLD: "95" });
  alice = await signedInClient(harness.studio, harness.baseUrl, "alice@example.com");
  bob = await signedInClient(harness.studio, harness.baseUrl, "bob@example.com");
  aliceId = String(((await alice.get("/api/me")).data.user as { id: string }).id);
  await recordSignUpGrant(harness.database.db, aliceId, harness.studio.config.SIGNUP_CREDITS);
});

afterAll(async () => {
  await harness?.close();
});

/** Reads Server-Sent Events from `/api/events` until `until` returns true for one of them. */
async function readEvents(
  client: TestClient,
  until: (event: { type: string; job?: { jobId: string } }) => boolean,
) {
  const controller = new AbortController();
  const response = await fetch(new URL("/api/events", harness.baseUrl), {
    headers: { cookie: client.cookieHeader() },
    signal: controller.signal,
  });
  expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
  const events: { type: string; job?: { jobId: string } }[] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const done = (async () => {
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) return;
      buffer += decoder.decode(value, { stream: true });
      let boundary = buffer.indexOf("\n\n");
      while (boundary >= 0) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const data = block.split("\n").find((line) => line.startsWith("data: "));
        if (data) {
          const event = JSON.parse(data.slice(6)) as { type: string; job?: { jobId: string } };
          events.push(event);
          if (until(event)) {
            controller.abort();
            return;
          }
        }
        boundary = buffer.indexOf("\n\n");
      }
    }
  })().catch(() => {});
  return { events, done };
}

describe("jobs, credits and notifications over HTTP", () => {
  it("streams a job's events, serves it to its owner only, and records the charge", async () => {
    let jobId = "";
    const stream = await readEvents(
      alice,
      (event) => event.type === "job-finished" && event.job?.jobId === jobId,
    );
    const handle = await harness.jobSystem.jobs.enqueue({
      userId: aliceId,
      tool: "test-counting",
      input: { countFile: path.join(harness.dataDir, "api.log"), steps: 2 },
      estimatedCredits: 6,
    });
    jobId = handle.jobId;
    await stream.done;
    const types = stream.events.filter((event) => event.job?.jobId === jobId).map((event) => event.type);
    expect(types[0]).toBe("job-created");
    expect(types).toContain("job-progress");
    expect(types.at(-1)).toBe("job-finished");
    expect(stream.events.some((event) => event.type === "notification-created")).toBe(true);

    const own = await alice.get(`/api/jobs/${jobId}`);
    expect(own.status).toBe(200);
    expect(own.data.job).toMatchObject({ jobId, status: "succeeded", creditsCaptured: 4 });
    expect((own.data.job as { output: unknown }).output).not.toBeNull();
    const listed = await alice.get("/api/jobs?status=succeeded");
    const summary = (listed.data.jobs as { jobId: string }[]).find((job) => job.jobId === jobId);
    expect(summary).toMatchObject({ status: "succeeded", creditsCaptured: 4 });
    // The list leaves outputs out (a breakdown's is large); the job itself has it.
    expect(summary).not.toHaveProperty("output");

    for (const [method, route] of [
      ["GET", `/api/jobs/${jobId}`],
      ["POST", `/api/jobs/${jobId}/cancel`],
      ["POST", `/api/jobs/${jobId}/retry`],
      ["GET", "/api/jobs/not-a-uuid"],
    ] as const) {
      const response = await bob.request(method, route, method === "POST" ? { json: {} } : {});
      expect(response.status, `${method} ${route}`).toBe(404);
      expect(response.data.error.code).toBe("not_found:job");
    }
    expect((await bob.get("/api/jobs")).data.jobs).toEqual([]);
    expect((await alice.get("/api/jobs?status=sideways")).status).toBe(400);

    const credits = await alice.get("/api/credits");
    expect(credits.data.balance).toBe(96);
    const kinds = (credits.data.transactions as { kind: string; jobId: string | null }[])
      .filter((entry) => entry.jobId === jobId)
      .map((entry) => entry.kind)
      .sort();
    expect(kinds).toEqual(["capture", "refund", "reserve"]);
  });

  it("cancels and retries through the API", async () => {
    const file = path.join(harness.dataDir, "cancel.log");
    const handle = await harness.jobSystem.jobs.enqueue({
      userId: aliceId,
      tool: "test-counting",
      input: { countFile: file, steps: 3, stepMs: 200 },
      estimatedCredits: 1,
    });
    const cancelled = await alice.post(`/api/jobs/${handle.jobId}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.data.job).toMatchObject({ status: "cancelled" });
    const retried = await alice.post(`/api/jobs/${handle.jobId}/retry`);
    expect(retried.status).toBe(201);
    const retryId = (retried.data.job as { jobId: string }).jobId;
    expect(retryId).not.toBe(handle.jobId);
    const done = await waitFor(async () => {
      const response = await alice.get(`/api/jobs/${retryId}`);
      return (response.data.job as { status: string }).status === "succeeded" ? response : undefined;
    });
    expect(done.data.job).toMatchObject({ status: "succeeded" });
    expect((await alice.post(`/api/jobs/${retryId}/retry`)).status).toBe(409);
  });

  it("groups repeated notifications, marks them read, and follows e-mail preferences", async () => {
    const listed = await alice.get("/api/notifications");
    const notifications = listed.data.notifications as {
      id: string;
      kind: string;
      count: number;
      title: string;
    }[];
    const finishedNotices = notifications.filter((notification) => notification.kind === "job-finished");
    expect(finishedNotices).toHaveLength(1);
    expect(finishedNotices[0]?.count).toBe(2);
    expect(finishedNotices[0]?.title).toBe("Counting test finished (and 1 more)");
    // Alice crossed her 95-credit alert with the first job.
    expect(notifications.some((notification) => notification.kind === "credits-low")).toBe(true);
    expect(listed.data.unread).toBe(notifications.length);

    const first = notifications[0]!;
    expect((await alice.post(`/api/notifications/${first.id}/read`)).status).toBe(200);
    expect((await bob.post(`/api/notifications/${first.id}/read`)).status).toBe(404);
    expect((await alice.get("/api/notifications")).data.unread).toBe(notifications.length - 1);
    expect((await alice.post("/api/notifications/read-all")).data.marked).toBe(notifications.length - 1);
    expect((await alice.get("/api/notifications?unread=true")).data.notifications).toEqual([]);

    const preferences = await alice.patch("/api/notifications/preferences", {
      emailJobFailed: false,
      creditsLowThreshold: 5,
    });
    expect(preferences.data.preferences).toEqual({
      emailJobFinished: false,
      emailJobFailed: false,
      emailCreditsLow: true,
      creditsLowThreshold: 5,
    });
    expect((await alice.patch("/api/notifications/preferences", { creditsLowThreshold: -1 })).status).toBe(
      400,
    );
  });
});
