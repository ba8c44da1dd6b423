import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import createRnnoiseModule, { type RnnoiseModule } from "@jitsi/rnnoise-wasm/dist/rnnoise-sync.js";
import { withSimdLinearLayers } from "./rnnoise-simd.ts";

/** RNNoise works on 10 ms frames at 48 kHz. */
export const rnnoiseFrameSize = 480;

/**
 * Samples by which RNNoise's output trails its input: one frame of buffering plus one frame of
 * window overlap (20 ms). Checked by cross-correlation in `sync.test.ts`.
 */
export const rnnoiseDelay = 960;

let modulePromise: Promise<RnnoiseModule> | undefined;

/**
 * The WebAssembly module, instantiated once per thread: the published build with its int8 linear
 * layers in SIMD (`rnnoise-simd.ts`, same output, about 3× faster), or as published if that
 * patch does not apply.
 */
export function loadRnnoise(): Promise<RnnoiseModule> {
  modulePromise ??= createRnnoiseModule({ wasmBinary: simdBinary() });
  return modulePromise;
}

/** The patched binary, or undefined (the loader then uses its own) when the package no longer inlines it. */
function simdBinary(): Uint8Array<ArrayBuffer> | undefined {
  try {
    return withSimdLinearLayers(publishedRnnoiseBinary());
  } catch {
    return undefined;
  }
}

/** The module as published, which the package carries inline in its loader as a data URI. */
export function publishedRnnoiseBinary(): Uint8Array<ArrayBuffer> {
  const loader = createRequire(import.meta.url).resolve("@jitsi/rnnoise-wasm/dist/rnnoise-sync.js");
  const inline = /data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/.exec(
    readFileSync(loader, "latin1"),
  );
  if (!inline?.[1]) throw new Error(`no inline WebAssembly found in ${loader}`);
  return new Uint8Array(Buffer.from(inline[1], "base64"));
}

export type RnnoiseSettings = {
  /** 0 = dry input only, 1 = fully processed. */
  mix: number;
  /** Most the noise may be turned down, in dB (DeepFilterNet's `atten_lim_db`): keeps the bed natural. */
  attenuationLimitDb: number;
};

/**
 * Neural noise suppression of one 48 kHz channel. The signal is fed through with one extra frame
 * of trailing silence per frame of delay, and the output is read `rnnoiseDelay` samples later, so
 * the result is sample-aligned with the input.
 */
export function suppressNoise(
  module: RnnoiseModule,
  signal: Float32Array,
  settings: RnnoiseSettings,
): Float32Array {
  const state = module._rnnoise_create(0);
  const pointer = module._malloc(rnnoiseFrameSize * 4);
  const output = new Float32Array(signal.length);
  const floor = 10 ** (-Math.abs(settings.attenuationLimitDb) / 20);
  const wet = settings.mix * (1 - floor);
  const dry = 1 - wet;
  const wetScale = wet / 32768;
  const base = pointer >> 2;
  try {
    const total = signal.length + rnnoiseDelay;
    for (let start = 0; start < total; start += rnnoiseFrameSize) {
      const available = Math.max(0, Math.min(rnnoiseFrameSize, signal.length - start));
      // HEAPF32 is read afresh each frame (a heap growth would replace it); the frame is written
      // into it directly, scaled to the 16-bit range RNNoise expects
      const heap = module.HEAPF32;
      for (let index = 0; index < available; index++) heap[base + index] = signal[start + index]! * 32768;
      heap.fill(0, base + available, base + rnnoiseFrameSize);
      module._rnnoise_process_frame(state, pointer, pointer);
      const result = module.HEAPF32;
      const first = Math.max(0, rnnoiseDelay - start);
      const last = Math.min(rnnoiseFrameSize, signal.length + rnnoiseDelay - start);
      for (let index = first; index < last; index++) {
        const position = start + index - rnnoiseDelay;
        output[position] = wetScale * result[base + index]! + dry * signal[position]!;
      }
    }
  } finally {
    module._free(pointer);
    module._rnnoise_destroy(state);
  }
  return output;
}
