import { parentPort, workerData } from "node:worker_threads";
import { processChannel } from "./channel-chain.ts";
import type { ChannelPlan } from "./plan.ts";

/** Worker entry: cleans one channel and posts stage events, then the result (transferred). */
const { samples, plan } = workerData as { samples: Float32Array; plan: ChannelPlan };
const output = await processChannel(samples, plan, (stage) =>
  parentPort?.postMessage({ type: "stage", stage }),
);
parentPort?.postMessage({ type: "done", samples: output }, [output.buffer as ArrayBuffer]);
