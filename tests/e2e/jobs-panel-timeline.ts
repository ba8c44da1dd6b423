import type { Page } from "playwright-core";

/** One state of a job as the jobs panel showed it: its status and the progress bar's value (none when idle). */
export type JobsPanelState = { at: number; jobId: string; status: string; progress: number | null };

/** One job event as the page's own subscription to `/api/events` received it. */
export type JobStreamEvent = { at: number; type: string; jobId: string; status: string; progress: number };

type TimelineWindow = Window & { jobsPanelTimeline?: JobsPanelState[]; jobStreamEvents?: JobStreamEvent[] };

/**
 * Starts recording, in the page, every state the jobs panel (`ul[aria-label="Jobs"]`) shows for each job:
 * a MutationObserver notes each change of a row's status or of its progress bar's `aria-valuenow`, so what a
 * person saw between two polls of the test is not missed. Beside it, a second subscription to the event
 * stream records the job events as they arrive, to tell a slow stream from a panel that does not follow it.
 */
export async function recordJobsPanel(page: Page): Promise<void> {
  await page.evaluate(() => {
    const timeline: JobsPanelState[] = [];
    const events: JobStreamEvent[] = [];
    const target = window as TimelineWindow;
    target.jobsPanelTimeline = timeline;
    target.jobStreamEvents = events;
    const last = new Map<string, string>();
    const note = () => {
      const rows = document.querySelectorAll('ul[aria-label="Jobs"] [data-testid="job-row"]');
      for (const row of rows) {
        const jobId = row.getAttribute("data-job-id") ?? "";
        const status = row.getAttribute("data-status") ?? "";
        const value = row.querySelector('[role="progressbar"]')?.getAttribute("aria-valuenow");
        const progress = value == null ? null : Number(value);
        const key = `${status}:${progress}`;
        if (last.get(jobId) === key) continue;
        last.set(jobId, key);
        timeline.push({ at: Math.round(performance.now()), jobId, status, progress });
      }
    };
    note();
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["aria-valuenow", "data-status"],
    });
    const stream = new EventSource("/api/events");
    for (const type of ["job-created", "job-progress", "job-finished"]) {
      stream.addEventListener(type, (event) => {
        const { job } = JSON.parse((event as MessageEvent<string>).data) as {
          job: { jobId: string; status: string; progress: number };
        };
        events.push({
          at: Math.round(performance.now()),
          type,
          jobId: job.jobId,
          status: job.status,
          progress: job.progress,
        });
      });
    }
  });
}

/** What `recordJobsPanel` has seen so far, in order: the panel's states and the stream's job events. */
export function jobsPanelTimeline(
  page: Page,
): Promise<{ panel: JobsPanelState[]; stream: JobStreamEvent[] }> {
  return page.evaluate(() => {
    const target = window as TimelineWindow;
    return { panel: target.jobsPanelTimeline ?? [], stream: target.jobStreamEvents ?? [] };
  });
}
