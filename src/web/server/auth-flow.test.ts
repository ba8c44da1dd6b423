import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { latestMailLink } from "./testing/accounts.ts";
import { TestClient } from "./testing/http-client.ts";
import { startTestStudio, type TestStudio } from "./testing/test-studio.ts";

let harness: TestStudio;

beforeAll(async () => {
  harness = await startTestStudio({ SIGN_IN_RATE_LIMIT: "5" });
});
afterAll(() => harness.close());

const pathOf = (link: string) => new URL(link).pathname + new URL(link).search;

describe("accounts over HTTP", () => {
  it("walks sign-up → verification → sign-in → password reset → sign-in with the new password", async () => {
    const email = "ada@example.com";
    const browser = new TestClient(harness.baseUrl);
    const signUp = await browser.post("/api/auth/sign-up/email", {
      name: "Ada",
      email,
      password: "first password 1",
    });
    expect(signUp.status).toBe(200);

    const unverified = await browser.post("/api/auth/sign-in/email", { email, password: "first password 1" });
    expect(unverified.status).toBe(403);

    const verify = await browser.get(pathOf(await latestMailLink(harness.studio, email)));
    expect([200, 302]).toContain(verify.status);
    browser.forgetCookies();

    const signIn = await browser.post("/api/auth/sign-in/email", { email, password: "first password 1" });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie().join(";");
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await browser.get("/api/me");
    expect(me.status).toBe(200);
    expect(me.data.profile).toMatchObject({ credits: 100, displayName: "Ada" });

    const other = new TestClient(harness.baseUrl);
    const requested = await other.post("/api/auth/request-password-reset", {
      email,
      redirectTo: "/reset-password",
    });
    expect(requested.status).toBe(200);
    const resetLink = await latestMailLink(harness.studio, email);
    const redirect = await other.get(pathOf(resetLink));
    const token = new URL(redirect.headers.get("location") ?? "", harness.baseUrl).searchParams.get("token");
    expect(token).toBeTruthy();

    const reset = await other.post("/api/auth/reset-password", { token, newPassword: "second password 2" });
    expect(reset.status).toBe(200);

    const withOld = await other.post("/api/auth/sign-in/email", { email, password: "first password 1" });
    expect(withOld.status).toBe(401);
    const withNew = await other.post("/api/auth/sign-in/email", { email, password: "second password 2" });
    expect(withNew.status).toBe(200);
    const reused = await other.post("/api/auth/reset-password", { token, newPassword: "third password 3" });
    expect(reused.status).toBe(400);

    // The reset revoked the session that existed before it.
    expect((await browser.get("/api/me")).status).toBe(401);
  });

  it("answers a reset request for an unknown address exactly as for a known one", async () => {
    const client = new TestClient(harness.baseUrl);
    const known = await client.post("/api/auth/request-password-reset", {
      email: "ada@example.com",
      redirectTo: "/r",
    });
    const unknown = await client.post("/api/auth/request-password-reset", {
      email: "nobody@example.com",
      redirectTo: "/r",
    });
    expect(unknown.status).toBe(known.status);
    expect(unknown.data).toEqual(known.data);
  });

  it("refuses weak passwords at sign-up with a reason", async () => {
    const client = new TestClient(harness.baseUrl);
    const common = await client.post("/api/auth/sign-up/email", {
      name: "B",
      email: "b@example.com",
      password: "password123",
    });
    expect(common.status).toBe(400);
    expect(JSON.stringify(common.data)).toMatch(/too common/);
    const short = await client.post("/api/auth/sign-up/email", {
      name: "B",
      email: "b@example.com",
      password: "abc",
    });
    expect(short.status).toBe(400);
  });

  it("refuses a signed-out session's cookie at once, though the session was just used", async () => {
    const email = "tunde@example.com";
    const browser = new TestClient(harness.baseUrl);
    await browser.post("/api/auth/sign-up/email", { name: "Tunde", email, password: "tunde password 1" });
    await browser.get(pathOf(await latestMailLink(harness.studio, email)));
    expect((await browser.get("/api/me")).status).toBe(200);
    const cookie = browser.cookieHeader();
    expect((await browser.post("/api/auth/sign-out", {})).status).toBe(200);
    const replayed = await fetch(`${harness.baseUrl}/api/me`, { headers: { cookie } });
    expect(replayed.status).toBe(401);
  });

  it("ends other sessions when the password is changed", async () => {
    const email = "kemi@example.com";
    const first = new TestClient(harness.baseUrl);
    await first.post("/api/auth/sign-up/email", { name: "Kemi", email, password: "kemi password 1" });
    await first.get(pathOf(await latestMailLink(harness.studio, email)));
    const second = new TestClient(harness.baseUrl);
    expect(
      (await second.post("/api/auth/sign-in/email", { email, password: "kemi password 1" })).status,
    ).toBe(200);
    expect((await second.get("/api/me")).status).toBe(200);

    const changed = await first.post("/api/auth/change-password", {
      currentPassword: "kemi password 1",
      newPassword: "kemi password 2",
      revokeOtherSessions: false,
    });
    expect(changed.status).toBe(200);
    expect((await second.get("/api/me")).status).toBe(401);
    expect((await first.get("/api/me")).status).toBe(200);
  });

  it("answers a burst of failed sign-ins with 429", async () => {
    const client = new TestClient(harness.baseUrl);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      statuses.push(
        (await client.post("/api/auth/sign-in/email", { email: "ada@example.com", password: "wrong guess!" }))
          .status,
      );
    }
    const firstRefusal = statuses.indexOf(429);
    expect(firstRefusal).toBeGreaterThan(-1);
    expect(statuses.slice(0, firstRefusal).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(firstRefusal).every((status) => status === 429)).toBe(true);
  });
});
