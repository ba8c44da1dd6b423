import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { processChannel, type StageName, stageNames } from "./channel-chain.ts";
import { type ChannelLevels, measureChannel } from "./channel-levels.ts";
import type { ChannelPlan } from "./plan.ts";

/** Below this many samples in all, worker start-up (≈0.3 s) costs more than it saves. */
const parallelThreshold = 48000 * 20;

/** Progress of the channel stages: share of (channel, stage) pairs done, 0–1. */
export type ChannelProgress = (share: number, stage: StageName) => void;

/** Cleaned channels, each with its levels measured where it was cleaned. */
export type CleanedPlanes = { channels: Float32Array[]; levels: ChannelLevels[] };

/** Channel cleaning whose workers may already be starting; `run` hands over the plan. */
export type PreparedChannels = {
  run(plan: ChannelPlan, onProgress?: ChannelProgress): Promise<CleanedPlanes>;
  /** Stops the workers (idempotent); `run` does it itself when it settles. */
  close(): void;
};

type Lane = { worker: Worker; stopped: Promise<never> };
type WorkerMessage =
  | { type: "stage"; stage: StageName }
  | { type: "done"; samples: Float32Array; levels: ChannelLevels };

/**
 * The worker runs TypeScript: Node 20 cannot strip types, so it loads the module through tsx's
 * `tsImport` (tsx is a runtime dependency; `--import tsx` does not reach worker threads on Node 20).
 */
function startLane(): Lane {
  const api = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./channel-worker.ts", import.meta.url).href;
  const code = `import { tsImport } from ${JSON.stringify(api)}; await tsImport(${JSON.stringify(entry)}, ${JSON.stringify(api)});`;
  const worker = new Worker(code, { eval: true });
  // a worker that dies (error, out of memory, terminated) must not leave the clean hanging
  const stopped = new Promise<never>((_, reject) => {
    worker.on("error", reject);
    worker.on("exit", (code) =>
      reject(new Error(`The channel worker stopped (exit code ${code}) before it finished.`)),
    );
  });
  stopped.catch(() => {});
  return { worker, stopped };
}

function cleanInLane(
  lane: Lane,
  samples: Float32Array,
  plan: ChannelPlan,
  onStage: (stage: StageName) => void,
): Promise<{ samples: Float32Array; levels: ChannelLevels }> {
  const done = new Promise<{ samples: Float32Array; levels: ChannelLevels }>((resolve) => {
    const listener = (message: WorkerMessage) => {
      if (message.type === "stage") return onStage(message.stage);
      lane.worker.off("message", listener);
      resolve(message);
    };
    lane.worker.on("message", listener);
  });
  lane.worker.postMessage({ samples, plan }, [samples.buffer as ArrayBuffer]);
  return Promise.race([done, lane.stopped]);
}

function inThisThread(channels: Float32Array[], signal?: AbortSignal): PreparedChannels {
  return {
    async run(plan, onProgress) {
      let done = 0;
      const total = channels.length * stageNames.length;
      // on this thread an abort is seen at the next stage boundary
      const onStage = (stage: StageName) => {
        onProgress?.(++done / total, stage);
        signal?.throwIfAborted();
      };
      const results: CleanedPlanes = { channels: [], levels: [] };
      for (const channel of channels) {
        signal?.throwIfAborted();
        const cleaned = await processChannel(channel, plan, onStage);
        results.channels.push(cleaned);
        results.levels.push(measureChannel(cleaned, plan.sampleRate));
        await new Promise((resolve) => setImmediate(resolve));
      }
      signal?.throwIfAborted();
      return results;
    },
    close() {},
  };
}

function inWorkers(channels: Float32Array[], signal?: AbortSignal): PreparedChannels {
  const lanes = Array.from({ length: Math.min(availableParallelism(), channels.length) }, startLane);
  const close = () => {
    for (const lane of lanes) void lane.worker.terminate();
  };
  return {
    async run(plan, onProgress) {
      let done = 0;
      const total = channels.length * stageNames.length;
      const onStage = (stage: StageName) => onProgress?.(++done / total, stage);
      const results: CleanedPlanes = {
        channels: new Array(channels.length),
        levels: new Array(channels.length),
      };
      let next = 0;
      const drain = async (lane: Lane) => {
        while (next < channels.length) {
          const index = next++;
          const cleaned = await cleanInLane(lane, new Float32Array(channels[index]!), plan, onStage);
          results.channels[index] = cleaned.samples;
          results.levels[index] = cleaned.levels;
        }
      };
      let onAbort = () => {};
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => reject(signal?.reason);
      });
      try {
        signal?.throwIfAborted();
        signal?.addEventListener("abort", onAbort, { once: true });
        await Promise.race([Promise.all(lanes.map(drain)), aborted]);
        return results;
      } finally {
        signal?.removeEventListener("abort", onAbort);
        close();
      }
    },
    close,
  };
}

/**
 * Starts cleaning every channel with one plan, to be given to `run` later: for long multichannel
 * audio the workers (one per channel, up to the number of cores) start at once, so their start-up
 * overlaps the caller's planning; short or mono audio runs in this thread. `parallel` forces the
 * choice. The input arrays are not modified.
 */
export function prepareChannels(
  channels: Float32Array[],
  options: { signal?: AbortSignal; parallel?: boolean } = {},
): PreparedChannels {
  const samples = channels.reduce((sum, channel) => sum + channel.length, 0);
  const parallel =
    options.parallel ?? (channels.length > 1 && samples >= parallelThreshold && availableParallelism() > 1);
  return parallel ? inWorkers(channels, options.signal) : inThisThread(channels, options.signal);
}

/** Cleans every channel with the same plan (see `prepareChannels`). */
export async function processChannels(
  channels: Float32Array[],
  plan: ChannelPlan,
  options: { onProgress?: ChannelProgress; signal?: AbortSignal; parallel?: boolean } = {},
): Promise<Float32Array[]> {
  return (await prepareChannels(channels, options).run(plan, options.onProgress)).channels;
}
