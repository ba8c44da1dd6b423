import type { RnnoiseModule } from "@jitsi/rnnoise-wasm/dist/rnnoise-sync.js";
import { rnnoiseFrameSize } from "../rnnoise.ts";

/** RNNoise's own output (16-bit scale, its delay left in) of `signal`, frame by frame, without the wrapper. */
export function rawRnnoise(module: RnnoiseModule, signal: Float32Array): Float32Array {
  const state = module._rnnoise_create(0);
  const pointer = module._malloc(rnnoiseFrameSize * 4);
  const output = new Float32Array(signal.length);
  for (let start = 0; start + rnnoiseFrameSize <= signal.length; start += rnnoiseFrameSize) {
    module.HEAPF32.set(
      signal.subarray(start, start + rnnoiseFrameSize).map((value) => value * 32768),
      pointer >> 2,
    );
    module._rnnoise_process_frame(state, pointer, pointer);
    output.set(module.HEAPF32.subarray(pointer >> 2, (pointer >> 2) + rnnoiseFrameSize), start);
  }
  module._free(pointer);
  module._rnnoise_destroy(state);
  return output;
}
