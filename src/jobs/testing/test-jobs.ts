import { appendFile } from "node:fs/promises";
import { setTimeout as delay } from "node:timers/promises";
import { z } from "zod";
import { AppError } from "../../lib/errors.ts";
import { defineJob } from "../define-job.ts";

/**
 * Job definitions for tests of the machinery (jobs/ knows no real tool). Each step appends `start:<step>` and
 * `end:<step>` lines to `countFile`, so a test can count how often every step ran and finished.
 */
export const countingJob = defineJob({
  tool: "test-counting",
  label: "Counting test",
  inputSchema: z.object({
    countFile: z.string().min(1),
    steps: z.number().int().min(1).max(50),
    stepMs: z.number().int().min(0).default(0),
    /** Throw a transient error this many times in step 1 before it succeeds. */
    transientFailures: z.number().int().min(0).default(0),
    /** Throw a permanent (client fault) error in step 1. */
    permanentFailure: z.boolean().default(false),
    /** Remember an external id in step 1 (a prediction to cancel). */
    externalId: z.string().optional(),
  }),
  actualCost: (output: { steps: number[] }, reserved: number) => Math.min(reserved, output.steps.length + 2),
  onCancel: async ({ jobId, external }) => {
    if (external.prediction) await appendFile(cancelLog, `${jobId} ${external.prediction}\n`).catch(() => {});
  },
  async run({ input, step, jobId }) {
    const results: number[] = [];
    for (let index = 1; index <= input.steps; index++) {
      const value = await step.run(
        `step-${index}`,
        async () => {
          await appendFile(input.countFile, `start:${jobId}:${index}\n`);
          if (index === 1 && input.externalId) await step.remember("prediction", input.externalId);
          if (index === 1 && input.permanentFailure) {
            throw new AppError("bad_request:test_input", "The test input asks for a permanent failure.");
          }
          if (index === 1 && input.transientFailures > 0) {
            const starts = await countLines(input.countFile, `start:${jobId}:1`);
            if (starts <= input.transientFailures) throw new Error("transient test failure (network)");
          }
          if (input.stepMs > 0) await delay(input.stepMs);
          await appendFile(input.countFile, `end:${jobId}:${index}\n`);
          return index * 10;
        },
        { progress: Math.round((index / input.steps) * 90), message: `Step ${index} of ${input.steps}` },
      );
      results.push(value);
    }
    return { steps: results, total: results.reduce((sum, value) => sum + value, 0) };
  },
});

/** Where the counting job's cancel hook records cancelled predictions (set by a test through its env). */
let cancelLog = "/dev/null";
export function setCancelLog(file: string): void {
  cancelLog = file;
}

/** A pure job using every protocol feature the executor supports: steps, sleep, parallel steps. */
export const pipelineJob = defineJob({
  tool: "test-pipeline",
  label: "Pipeline test",
  inputSchema: z.object({ text: z.string().min(1) }),
  async run({ input, step }) {
    const words = await step.run("split", async () => input.text.split(/\s+/), { progress: 20 });
    await step.sleep("pause", "10ms");
    const [upper, lengths] = await Promise.all([
      step.run("upper", async () => words.map((word) => word.toUpperCase())),
      step.run("lengths", async () => words.map((word) => word.length)),
    ]);
    return step.run(
      "combine",
      async () => ({ upper, lengths, longest: Math.max(...lengths), count: words.length }),
      { progress: 90 },
    );
  },
});

/** Lines of `file` equal to `line`. */
export async function countLines(file: string, line: string): Promise<number> {
  const { readFile } = await import("node:fs/promises");
  const text = await readFile(file, "utf8").catch(() => "");
  return text.split("\n").filter((entry) => entry === line).length;
}

export const testJobDefinitions = [countingJob, pipelineJob];
