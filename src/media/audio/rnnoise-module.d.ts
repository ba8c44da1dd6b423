declare module "@jitsi/rnnoise-wasm/dist/rnnoise-sync.js" {
  /** The Emscripten module of RNNoise, compiled with the WebAssembly inlined (no file fetch). */
  export type RnnoiseModule = {
    HEAPF32: Float32Array;
    _malloc(bytes: number): number;
    _free(pointer: number): void;
    _rnnoise_create(model: number): number;
    _rnnoise_destroy(state: number): void;
    _rnnoise_process_frame(state: number, output: number, input: number): number;
  };
  /** `wasmBinary`, when given, is instantiated instead of the inline module. */
  const createRnnoiseModule: (options?: { wasmBinary?: Uint8Array }) => Promise<RnnoiseModule>;
  export default createRnnoiseModule;
}
