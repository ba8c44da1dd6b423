import { parentPort } from "node:worker_threads";
import { processChannel } from "./channel-chain.ts";
import { measureChannel } from "./channel-levels.ts";
import type { ChannelPlan } from "./plan.ts";
import { loadRnnoise } from "./rnnoise.ts";

/**
 * Worker entry: cleans the channels it is sent, one message each, posting stage events and then
 * the result with its levels (transferred). It starts before the plan exists, so the RNNoise WebAssembly is
 * compiled here while the main thread is still planning; messages sent meanwhile wait in the port.
 */
await loadRnnoise();
parentPort?.on("message", async ({ samples, plan }: { samples: Float32Array; plan: ChannelPlan }) => {
  const output = await processChannel(samples, plan, (stage) =>
    parentPort?.postMessage({ type: "stage", stage }),
  );
  const levels = measureChannel(output, plan.sampleRate);
  parentPort?.postMessage({ type: "done", samples: output, levels }, [
    output.buffer as ArrayBuffer,
    levels.power.buffer as ArrayBuffer,
    levels.energies.buffer as ArrayBuffer,
  ]);
});
