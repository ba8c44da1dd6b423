import createRnnoiseModule from "@jitsi/rnnoise-wasm/dist/rnnoise-sync.js";
import { describe, expect, test } from "vitest";
import { publishedRnnoiseBinary, rnnoiseFrameSize } from "./rnnoise.ts";
import {
  int8LayerPrefix,
  linearFunction,
  linearFunctionParameters,
  linearLayerField,
  withSimdLinearLayers,
} from "./rnnoise-simd.ts";
import { babbleNoise, pinkNoise } from "./testing/noises.ts";
import { rawRnnoise } from "./testing/raw-rnnoise.ts";
import { mixAtSnr, recordedSpeech } from "./testing/signals.ts";
import { WasmCode } from "./wasm/wasm-code.ts";
import { prefixFunction } from "./wasm/wasm-module.ts";

/** Traps when an int8 layer reaches the original scalar code. */
const trapOnInt8Layer = {
  locals: [],
  code: () =>
    new WasmCode()
      .get(0)
      .i32Load(linearLayerField.floatWeights)
      .i32Eqz()
      .if()
      .get(0)
      .i32Load(linearLayerField.weights)
      .if()
      .unreachable()
      .end()
      .end().bytes,
};

describe("RNNoise with SIMD int8 layers", { timeout: 120_000 }, () => {
  const published = publishedRnnoiseBinary();
  const speech = recordedSpeech().subarray(0, 48000 * 4);
  const noisy = mixAtSnr(speech, pinkNoise(speech.length), 5);
  const babble = mixAtSnr(speech, babbleNoise(speech.length), 0);

  test("the patch applies to the published build", () => {
    const patched = withSimdLinearLayers(published);
    expect(patched).toBeInstanceOf(Uint8Array);
    expect(WebAssembly.validate(patched!)).toBe(true);
  });

  test("the output is bit-identical to the published build's", async () => {
    const original = await createRnnoiseModule();
    const simd = await createRnnoiseModule({ wasmBinary: withSimdLinearLayers(published) });
    for (const signal of [noisy, babble]) {
      const expected = rawRnnoise(original, signal);
      const actual = rawRnnoise(simd, signal);
      const differing = actual.findIndex((value, index) => !Object.is(value, expected[index]));
      expect(differing).toBe(-1);
      // the comparison is not vacuous: RNNoise changed the signal
      expect(expected.some((value, index) => Math.abs(value - signal[index]! * 32768) > 100)).toBe(true);
    }
  });

  test("every int8 layer runs in the SIMD code (the scalar path behind it would trap)", async () => {
    const guarded = prefixFunction(published, linearFunction, linearFunctionParameters, trapOnInt8Layer);
    const unpatched = await createRnnoiseModule({ wasmBinary: guarded });
    expect(() => rawRnnoise(unpatched, noisy.subarray(0, rnnoiseFrameSize * 4))).toThrow(
      WebAssembly.RuntimeError,
    );

    const simdFirst = prefixFunction(guarded, linearFunction, linearFunctionParameters, int8LayerPrefix);
    const simd = await createRnnoiseModule({ wasmBinary: simdFirst });
    expect(rawRnnoise(simd, noisy).some((value) => value !== 0)).toBe(true);
  });

  test("an empty prefix leaves the module byte for byte as it was", () => {
    const same = prefixFunction(published, linearFunction, linearFunctionParameters, {
      locals: [],
      code: () => [],
    });
    expect(Buffer.from(same).equals(Buffer.from(published))).toBe(true);
  });

  test("a module without the expected function is left to run as published", () => {
    const emptyModule = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    expect(withSimdLinearLayers(emptyModule)).toBeUndefined();
    expect(withSimdLinearLayers(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});
