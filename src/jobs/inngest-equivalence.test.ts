import { InngestTestEngine } from "@inngest/test";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../config/env.ts";
import { createLogger } from "../lib/logger.ts";
import { createJobSystem } from "./create-job-system.ts";
import { jobRequestedEvent } from "./job-events.ts";
import { type JobStudio, startJobStudio, waitFor } from "./testing/job-studio.ts";
import { pipelineJob, testJobDefinitions } from "./testing/test-jobs.ts";

let harness: JobStudio;

beforeAll(async () => {
  harness = await startJobStudio({}, { start: false });
});

afterAll(async () => {
  await harness?.close();
});

describe("one job function, two engines", () => {
  it("gives the same result on the embedded executor and under @inngest/test", async () => {
    const userId = await harness.addUser("twin", 20);
    const input = { text: "Lagos traffic at dawn" };
    const viaInngest = await harness.jobSystem.jobs.enqueue({
      userId,
      tool: "test-pipeline",
      input,
      estimatedCredits: 2,
    });
    const viaExecutor = await harness.jobSystem.jobs.enqueue({
      userId,
      tool: "test-pipeline",
      input,
      estimatedCredits: 2,
    });

    const fn = harness.jobSystem.functions.find(
      (candidate) => candidate.id("nollyai") === "nollyai-job-test-pipeline",
    );
    expect(fn).toBeDefined();
    const engine = new InngestTestEngine({
      function: fn!,
      events: [
        {
          name: jobRequestedEvent(pipelineJob.tool),
          data: { jobId: viaInngest.jobId, userId, projectId: null, input },
        },
      ],
      steps: [{ id: "pause", handler: () => null }],
    });
    const { result, error } = await engine.execute();
    expect(error).toBeUndefined();

    await harness.jobSystem.start();
    const executed = await waitFor(async () => {
      const job = await harness.jobSystem.jobs.get(userId, viaExecutor.jobId);
      return job.status === "succeeded" ? job : undefined;
    });
    const expected = {
      upper: ["LAGOS", "TRAFFIC", "AT", "DAWN"],
      lengths: [5, 7, 2, 4],
      longest: 7,
      count: 4,
    };
    expect(result).toEqual(expected);
    expect(executed.output).toEqual(expected);
    const recorded = await harness.jobSystem.jobs.get(userId, viaInngest.jobId);
    expect(recorded).toMatchObject({ status: "succeeded", output: expected, creditsCaptured: 2 });
    expect(executed.creditsCaptured).toBe(2);
  });

  it("serves the same functions at /api/inngest when Inngest is configured", async () => {
    const config = parseConfig({ NOLLYAI_DATA_DIR: harness.dataDir, INNGEST_DEV: "1" });
    expect(config.jobEngine).toBe("inngest");
    const system = createJobSystem({
      config,
      database: harness.database,
      storage: harness.studio.storage,
      mailer: harness.studio.mailer,
      logger: createLogger({ level: "silent" }),
      definitions: testJobDefinitions,
    });
    expect(system.inngestHandler).toBeDefined();
    const app = express();
    app.use("/api/inngest", express.json(), system.inngestHandler!);
    const server = app.listen(0, "127.0.0.1");
    await new Promise<void>((resolve) => server.once("listening", resolve));
    try {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      const response = await fetch(`http://127.0.0.1:${port}/api/inngest`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { function_count: number };
      // Each job function also registers its failure handler (`onFailure`).
      expect(body.function_count).toBe(system.functions.length + testJobDefinitions.length);
    } finally {
      server.close();
      await system.close();
    }
  });
});
