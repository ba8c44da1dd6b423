import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { launchChromium, missingBrowserReason } from "./browser.ts";
import { jobsPanelTimeline, recordJobsPanel } from "./jobs-panel-timeline.ts";
import { followServerEvents } from "./server-event-log.ts";
import { type StudioServer, startStudio } from "./studio-server.ts";

const root = path.resolve(import.meta.dirname, "../..");
const screenplay = path.resolve(root, "../shared/fixtures/screenplays/brick-and-steel.fountain");
const results = path.join(root, "test-results");
const skipReason = missingBrowserReason();
if (skipReason) console.warn(skipReason);

const email = `ada+${Date.now()}@example.com`;
const password = "garage-door-rolling-2026";
/** The password after the change made from the account menu. */
const finalPassword = "lagos-rain-on-tin-2026";

describe.skipIf(skipReason !== null)("the studio in a real browser", () => {
  let studio: StudioServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await mkdir(results, { recursive: true });
    // A 1 MB screenplay limit lets the test refuse an over-large file without sending megabytes.
    studio = await startStudio({ UPLOAD_LIMIT_SCREENPLAY_MB: "1" });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail" && page) {
      const name = context.task.name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60);
      await page.screenshot({ path: path.join(results, `failed-${name}.png`) }).catch(() => undefined);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await studio?.stop();
  });

  test("sign up, then verify the address with the link from the outbox", async () => {
    await page.goto(`${studio.url}/sign-up`);
    await page.getByLabel("Name").fill("Ada Obi");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    // The server's password rule is shown under the password field.
    await page.getByText(/at least 8 characters/i).waitFor();

    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Check your inbox" }).waitFor();

    const mail = await studio.waitForMail(email, /confirm/i);
    const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    await page.goto(link ?? "");

    // Signed in by the link; the first-run tour greets a new user, and skipping it is remembered.
    await page.getByRole("dialog", { name: /upload your material/i }).waitFor();
    await page.getByRole("button", { name: "Skip tour" }).click();
    await page.getByRole("heading", { name: "Your projects" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { name: "Your projects" }).waitFor();
    expect(await page.getByRole("button", { name: "Skip tour" }).count()).toBe(0);
  });

  test("create a project and upload the screenplay; bad files show the server's message", async () => {
    await page.getByLabel("New project").fill("Brick & Steel");
    await page.getByRole("button", { name: "Create project" }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}/);
    await page.getByRole("heading", { name: "Brick & Steel" }).waitFor();
    await page.getByRole("button", { name: "Upload your screenplay" }).waitFor();

    await page.getByTestId("file-input").setInputFiles(screenplay);
    await page.getByTestId("file-row").filter({ hasText: "brick-and-steel.fountain" }).waitFor();

    await page.getByTestId("file-input").setInputFiles({
      name: "setup.exe",
      mimeType: "application/octet-stream",
      buffer: Buffer.from("MZ not a screenplay"),
    });
    await page
      .getByTestId("upload-error")
      .filter({ hasText: /not supported/i })
      .waitFor();

    await page.getByTestId("file-input").setInputFiles({
      name: "endless.fountain",
      mimeType: "text/plain",
      buffer: Buffer.from("INT. GARAGE - DAY\n\n".repeat(90_000)),
    });
    await page
      .getByTestId("upload-error")
      .filter({ hasText: /larger than the 1 MB allowed/i })
      .waitFor();
    expect(await page.getByTestId("file-row").count()).toBe(1);
  });

  test("ask about the garage scene: a streamed answer appears", async () => {
    await page.getByRole("button", { name: "Break down my script" }).waitFor();
    await page.getByLabel("Message the studio").fill("what happens in the garage scene?");
    await page.keyboard.press("Enter");
    // While the reply streams, the composer offers Stop instead of Send.
    await page
      .getByRole("button", { name: "Stop generating" })
      .or(page.getByTestId("assistant-message"))
      .first()
      .waitFor();
    const answer = page.getByTestId("assistant-message").last();
    await answer.waitFor();
    await expect
      .poll(async () => ((await answer.textContent()) ?? "").trim().length, { timeout: 60_000 })
      .toBeGreaterThan(20);
    await expect
      .poll(() => page.getByRole("button", { name: "Send message" }).count(), { timeout: 60_000 })
      .toBe(1);
    await page.waitForURL(/\?thread=[0-9a-f-]{36}/);
    // The new conversation is listed, titled after the question.
    await page
      .getByRole("navigation", { name: "Conversations" })
      .getByRole("button", { name: "what happens in the garage scene?", exact: true })
      .waitFor();
    await page.screenshot({ path: path.join(results, "workspace-desktop.png") });
  });

  test("the answer is grounded in the screenplay's garage scene", async () => {
    const answer = page.getByTestId("assistant-message").last();
    const text = (await answer.textContent()) ?? "";
    // With retrieval, the offline model answers from the project's passages: the reply (its text or a
    // cited source) names the garage scene (INT. GARAGE - DAY in Brick & Steel).
    expect(text).toMatch(/garage/i);
  });

  test("a lost connection shows Retry, and retrying loses no message", async () => {
    await page.route("**/api/chat", (route) => route.abort("internetdisconnected"));
    await page.getByLabel("Message the studio").fill("who is in the garage scene?");
    await page.keyboard.press("Enter");
    const retry = page.getByRole("button", { name: "Retry" });
    await retry.waitFor();
    await page.unroute("**/api/chat");
    const assistantCount = await page.getByTestId("assistant-message").count();
    await retry.click();
    await expect
      .poll(() => page.getByTestId("assistant-message").count(), { timeout: 60_000 })
      .toBeGreaterThan(assistantCount);
    expect(
      await page.getByTestId("user-message").filter({ hasText: "who is in the garage scene?" }).count(),
    ).toBe(1);
    await expect
      .poll(() => page.getByRole("button", { name: "Send message" }).count(), { timeout: 60_000 })
      .toBe(1);
  });

  test("the phone layout has no horizontal scroll", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    // Reload the conversation (its id is in the address) at phone size: the history comes back from the server.
    await page.reload();
    await page.getByRole("heading", { name: "Brick & Steel" }).waitFor();
    await page.getByTestId("assistant-message").first().waitFor();
    await page.screenshot({ path: path.join(results, "workspace-phone.png") });
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.inner);

    // The dashboard at phone size: no horizontal scroll either.
    const workspaceUrl = page.url();
    await page.goto(studio.url);
    await page.getByTestId("project-link").first().waitFor();
    await page.screenshot({ path: path.join(results, "dashboard-phone.png") });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.goto(workspaceUrl);
    await page.getByTestId("assistant-message").first().waitFor();
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  test("keyboard: ? lists the shortcuts; Ctrl+K opens the command palette", async () => {
    await page.locator("body").click({ position: { x: 5, y: 300 } });
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await help.waitFor();
    expect(await help.getByText("Open the command palette").count()).toBe(1);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+k");
    const palette = page.getByRole("combobox", { name: "Command" });
    await palette.waitFor();
    await palette.fill("credits");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/credits$/);
    await page.getByRole("heading", { name: "Credits", exact: true }).waitFor();
    await page.goBack();
    await page.getByRole("heading", { name: "Brick & Steel" }).waitFor();
  });

  test("a breakdown asked for in the chat shows live progress in the jobs panel, then a notification", async () => {
    const bell = page.getByRole("button", { name: /^Notifications/ });
    const unread = async () =>
      Number(/(\d+) unread/.exec((await bell.getAttribute("aria-label")) ?? "")?.[1] ?? 0);
    const unreadBefore = await unread();
    await page.getByRole("tab", { name: "Jobs" }).click();
    await recordJobsPanel(page);
    const cookies = await page.context().cookies(studio.url);
    const server = await followServerEvents({
      url: studio.url,
      cookie: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; "),
    });

    await page.getByLabel("Message the studio").fill("break down my script");
    await page.keyboard.press("Enter");
    const row = page.getByRole("list", { name: "Jobs" }).getByTestId("job-row").first();
    await row.waitFor({ timeout: 60_000 });
    const jobId = (await row.getAttribute("data-job-id")) ?? "";
    await expect.poll(() => row.getAttribute("data-status"), { timeout: 120_000 }).toBe("succeeded");
    await page.screenshot({ path: path.join(results, "job-finished.png") });

    // The stream the panel follows carried the job's progress, in order, up to 100.
    const timeline = await jobsPanelTimeline(page);
    await server.stop();
    const report = JSON.stringify({ ...timeline, server: server.events });
    const streamed = timeline.stream.filter((event) => event.jobId === jobId);
    const streamedProgress = streamed.map((event) => event.progress);
    expect(
      streamedProgress.some((value) => value > 0 && value < 100),
      report,
    ).toBe(true);
    expect(streamedProgress, report).toEqual([...streamedProgress].sort((a, b) => a - b));
    expect(streamed.at(-1), report).toMatchObject({
      type: "job-finished",
      status: "succeeded",
      progress: 100,
    });

    // What the panel showed, change by change: never a step back, and done at the end.
    const states = timeline.panel.filter((state) => state.jobId === jobId);
    const shown = states.flatMap((state) => (state.progress === null ? [] : [state.progress]));
    expect(shown, report).toEqual([...shown].sort((a, b) => a - b));
    expect(states.at(-1)?.status, report).toBe("succeeded");
    // Whenever the page received progress while the job was still running (an event that came at least a
    // render before the end), the panel showed it: a running state with a value between 0 and 100.
    const finishedAt = streamed.at(-1)?.at ?? 0;
    const deliveredLive = streamed.some(
      (event) => event.progress > 0 && event.progress < 100 && finishedAt - event.at >= 250,
    );
    if (deliveredLive) {
      expect(
        states.some(
          (state) => state.status === "running" && (state.progress ?? 0) > 0 && (state.progress ?? 0) < 100,
        ),
        report,
      ).toBe(true);
    } else {
      console.warn(
        `The page received this job's progress in one burst at its end (see "server" for when it was sent), so no bar could move: ${report}`,
      );
    }
    const job = await page.request.get(`${studio.url}/api/jobs/${jobId}`);
    expect((await job.json()).job).toMatchObject({
      tool: "breakdown-script",
      status: "succeeded",
      progress: 100,
    });
    // The card shows the result, and again after a reload: the jobs list carries no outputs (a breakdown's is
    // large), so the card then reads the finished job itself.
    const breakdownResult = () =>
      page
        .getByTestId("breakdown-script-card")
        .getByText(/Script breakdown, revision/)
        .first()
        .waitFor({ timeout: 30_000 });
    await breakdownResult();
    await page.reload();
    await breakdownResult();

    // The notification centre counts it as unread and names the job.
    await expect.poll(unread, { timeout: 30_000 }).toBeGreaterThan(unreadBefore);
    await bell.click();
    await page.getByRole("menuitem", { name: /Script breakdown finished/ }).waitFor();
    await page.keyboard.press("Escape");
    await expect
      .poll(() => page.getByRole("button", { name: "Send message" }).count(), { timeout: 60_000 })
      .toBe(1);
  });

  test("deleting the project from the chat asks for approval, then the project is gone", async () => {
    await page.getByLabel("Message the studio").fill("delete this project");
    await page.keyboard.press("Enter");
    const approval = page.getByTestId("approval-request");
    await approval.waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(results, "approval-requested.png") });
    await approval.getByRole("button", { name: "Approve" }).click();
    await page.getByTestId("project-deleted-card").waitFor({ timeout: 60_000 });
    await page.goto(studio.url);
    await page.getByRole("heading", { name: "Your projects" }).waitFor();
    await page.getByText("No projects yet").waitFor();
    expect(await page.getByTestId("project-link").count()).toBe(0);
  });

  test("sign out, reset the password with the mailed link, and sign in with the new one", async () => {
    await page.getByRole("button", { name: /account menu/i }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.getByLabel("E-mail").fill(email);
    await page.getByRole("button", { name: "Send the link" }).click();
    await page.getByRole("heading", { name: "Check your inbox" }).waitFor();
    const mail = await studio.waitForMail(email, /reset/i);
    const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    await page.goto(link ?? "");
    await page.waitForURL(/\/reset-password\?token=/);
    const newPassword = "steel-beams-at-dawn-2026";
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Repeat the new password").fill(newPassword);
    await page.getByRole("button", { name: "Save the new password" }).click();
    await page.getByRole("heading", { name: "Password changed" }).waitFor();
    await page.getByRole("link", { name: "Sign in" }).click();
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // The old password no longer works, and the error sits next to the password field.
    await page.getByText(/invalid email or password/i).waitFor();
    await page.getByLabel("Password").fill(newPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Your projects" }).waitFor();
  });

  test("change the password from the menu: a wrong current password is refused, then it works", async () => {
    await page.getByRole("button", { name: /account menu/i }).click();
    await page.getByRole("menuitem", { name: "Change password…" }).click();
    const dialog = page.getByRole("dialog", { name: "Change your password" });
    await dialog.getByLabel("Current password").fill("not-my-password-at-all");
    await dialog.getByLabel("New password", { exact: true }).fill(finalPassword);
    await dialog.getByLabel("Repeat the new password").fill(finalPassword);
    await dialog.getByRole("button", { name: "Save the new password" }).click();
    await dialog.getByText(/invalid password/i).waitFor();

    await dialog.getByLabel("Current password").fill("steel-beams-at-dawn-2026");
    await dialog.getByRole("button", { name: "Save the new password" }).click();
    await dialog.getByText("Your new password is set.", { exact: false }).waitFor();
    await dialog.getByRole("button", { name: "Done" }).click();
    // This session stays signed in.
    expect(await page.evaluate(async () => (await fetch("/api/me")).status)).toBe(200);
  });

  test("delete the account from the menu: a wrong password is refused, the right one ends it", async () => {
    await page.getByRole("button", { name: /account menu/i }).click();
    await page.getByRole("menuitem", { name: "Delete account…" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete your account" });
    await dialog.getByText(email).waitFor();
    await dialog.getByLabel("Your password").fill("not-my-password-at-all");
    await dialog.getByRole("button", { name: "Delete everything" }).click();
    await dialog.getByText(/invalid password/i).waitFor();

    await dialog.getByLabel("Your password").fill(finalPassword);
    await dialog.getByRole("button", { name: "Delete everything" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.getByText("Your account and everything in it were deleted.").waitFor();
    const me = await page.evaluate(async () => (await fetch("/api/me")).status);
    expect(me).toBe(401);

    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill(finalPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText(/invalid email or password/i).waitFor();
  });
});
