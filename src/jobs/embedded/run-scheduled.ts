import { randomUUID } from "node:crypto";
import type { ServeProtocol, StepState } from "./serve-protocol.ts";

/**
 * Runs a scheduled (cron) function once through the serve protocol, keeping its steps in memory: scheduled
 * work is idempotent and simply runs again on the next tick if this process dies.
 */
export async function runScheduledFunction(protocol: ServeProtocol, functionId: string): Promise<unknown> {
  const steps: Record<string, StepState> = {};
  const stack: string[] = [];
  const runId = randomUUID();
  const event = { name: "inngest/scheduled.timer", id: runId, ts: Date.now(), data: { cron: "embedded" } };
  for (let request = 0; request < 100; request++) {
    const response = await protocol({ functionId, event, runId, attempt: 0, maxAttempts: 1, steps, stack });
    if (response.kind === "completed") return response.output;
    if (response.kind === "rejected")
      throw new Error(`scheduled function ${functionId} failed: ${JSON.stringify(response.error)}`);
    for (const operation of response.operations) {
      if (operation.op !== "StepRun") {
        throw new Error(
          `scheduled function ${functionId} answered ${operation.op}; only plain steps run here`,
        );
      }
      steps[operation.id] = { type: "data", data: operation.data ?? null };
      stack.push(operation.id);
    }
  }
  throw new Error(`scheduled function ${functionId} did not finish within 100 steps`);
}
