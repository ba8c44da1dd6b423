import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { processChannel, type StageName, stageNames } from "./channel-chain.ts";
import type { ChannelPlan } from "./plan.ts";

/** Below this many samples in all, worker start-up (≈0.3 s) costs more than it saves. */
const parallelThreshold = 48000 * 20;

/** Progress of the channel stages: share of (channel, stage) pairs done, 0–1. */
export type ChannelProgress = (share: number, stage: StageName) => void;

/**
 * The worker runs TypeScript: Node 20 cannot strip types, so it loads the module through tsx's
 * `tsImport` (tsx is a runtime dependency; `--import tsx` does not reach worker threads on Node 20).
 */
function startWorker(samples: Float32Array, plan: ChannelPlan): Worker {
  const api = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./channel-worker.ts", import.meta.url).href;
  const code = `import { tsImport } from ${JSON.stringify(api)}; await tsImport(${JSON.stringify(entry)}, ${JSON.stringify(api)});`;
  return new Worker(code, {
    eval: true,
    workerData: { samples, plan },
    transferList: [samples.buffer as ArrayBuffer],
  });
}

function runInWorker(
  samples: Float32Array,
  plan: ChannelPlan,
  onStage: (stage: StageName) => void,
  signal?: AbortSignal,
) {
  return new Promise<Float32Array>((resolve, reject) => {
    const worker = startWorker(samples, plan);
    const abort = () => {
      void worker.terminate();
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", abort, { once: true });
    worker.on(
      "message",
      (message: { type: "stage"; stage: StageName } | { type: "done"; samples: Float32Array }) => {
        if (message.type === "stage") onStage(message.stage);
        else {
          signal?.removeEventListener("abort", abort);
          resolve(message.samples);
          void worker.terminate();
        }
      },
    );
    worker.on("error", (error) => {
      signal?.removeEventListener("abort", abort);
      reject(error);
    });
    // a worker that dies without an error event (out of memory, terminated) must not leave the clean hanging
    worker.on("exit", (code) => {
      signal?.removeEventListener("abort", abort);
      reject(new Error(`The channel worker stopped (exit code ${code}) before it finished.`));
    });
  });
}

/**
 * Cleans every channel with the same plan: on worker threads (one per channel, up to the number
 * of cores) for long multichannel audio, in this thread otherwise. `parallel` forces the choice.
 * The input arrays are not modified.
 */
export async function processChannels(
  channels: Float32Array[],
  plan: ChannelPlan,
  options: { onProgress?: ChannelProgress; signal?: AbortSignal; parallel?: boolean } = {},
): Promise<Float32Array[]> {
  const total = channels.length * stageNames.length;
  let done = 0;
  const onStage = (stage: StageName) => {
    done++;
    options.onProgress?.(done / total, stage);
  };
  const samples = channels.reduce((sum, channel) => sum + channel.length, 0);
  const parallel =
    options.parallel ?? (channels.length > 1 && samples >= parallelThreshold && availableParallelism() > 1);
  if (!parallel) {
    const results: Float32Array[] = [];
    // on this thread an abort is seen at the next stage boundary
    const onStageOrAbort = (stage: StageName) => {
      onStage(stage);
      options.signal?.throwIfAborted();
    };
    for (const channel of channels) {
      options.signal?.throwIfAborted();
      results.push(await processChannel(channel, plan, onStageOrAbort));
      await new Promise((resolve) => setImmediate(resolve));
    }
    options.signal?.throwIfAborted();
    return results;
  }
  const limit = Math.max(1, availableParallelism());
  const results: Float32Array[] = new Array(channels.length);
  let next = 0;
  const lane = async () => {
    while (next < channels.length) {
      const index = next++;
      options.signal?.throwIfAborted();
      results[index] = await runInWorker(new Float32Array(channels[index]!), plan, onStage, options.signal);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, channels.length) }, lane));
  return results;
}
