import { afterAll, beforeAll, expect, it } from "vitest";
import { signedInClient } from "./testing/accounts.ts";
import type { TestClient } from "./testing/http-client.ts";
import { startTestStudio, type TestStudio } from "./testing/test-studio.ts";

let harness: TestStudio;
let client: TestClient;

beforeAll(async () => {
  harness = await startTestStudio();
  client = await signedInClient(harness.studio, harness.baseUrl, "ngozi@example.com");
});
afterAll(() => harness.close());

it("ends the live event stream when the studio starts stopping, and still answers requests", async () => {
  const events = await fetch(`${harness.baseUrl}/api/events`, { headers: { cookie: client.cookieHeader() } });
  expect(events.status).toBe(200);
  const reader = events.body!.getReader();
  const first = new TextDecoder().decode((await reader.read()).value);
  expect(first).toContain(": connected");

  harness.studio.beginStopping();
  const ended = await Promise.race([
    (async () => {
      while (!(await reader.read()).done) {
        // keep-alives until the end
      }
      return "ended";
    })(),
    new Promise((resolve) => setTimeout(() => resolve("still open"), 5_000)),
  ]);
  expect(ended).toBe("ended");
  expect((await client.get("/api/me")).status).toBe(200);
});
