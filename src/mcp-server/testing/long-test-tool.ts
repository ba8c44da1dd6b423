import { setImmediate as nextTurn } from "node:timers/promises";
import { z } from "zod";
import { jobStatuses } from "../../jobs/job-queue.ts";
import { defineTool, type Tool } from "../../tools/tool.ts";
import type { TestJobWork } from "./test-job-service.ts";

const input = z.object({
  frames: z.number().int().min(1).max(50),
  /** Stop at this frame until the job is cancelled (to test cancellation without timing). */
  holdAtFrame: z.number().int().min(1).optional(),
});

/** TEST ONLY: a long-running tool shaped like the real ones (its execute enqueues and returns the handle). */
export const renderTestReelTool = defineTool({
  name: "render-test-reel",
  title: "Render a test reel (test only)",
  description: "Test tool: renders a reel of N frames as a job, reporting progress per frame.",
  inputSchema: input,
  outputSchema: z.object({ jobId: z.string(), status: z.enum(jobStatuses), estimatedCredits: z.number() }),
  cost: 0,
  annotations: { readOnly: false, destructive: false, longRunning: true, idempotent: false },
  examples: ["render a test reel", "make a test render"],
  async execute(context, request) {
    return context.jobs.enqueue({
      userId: context.user.id,
      tool: "render-test-reel",
      input: request,
      estimatedCredits: 0,
    });
  },
}) as unknown as Tool;

/** The work of `render-test-reel`: one progress event per frame, yielding to the event loop between. */
export const renderTestReelWork: TestJobWork = async (raw, job) => {
  const { frames, holdAtFrame } = input.parse(raw);
  for (let frame = 1; frame <= frames; frame++) {
    await nextTurn();
    job.progress(Math.round((frame / frames) * 99), `frame ${frame} of ${frames}`);
    if (frame === holdAtFrame) {
      await new Promise<void>((resolve) =>
        job.signal.addEventListener("abort", () => resolve(), { once: true }),
      );
      throw new Error("cancelled");
    }
  }
  return { frames, file: "reel.mp4" };
};
