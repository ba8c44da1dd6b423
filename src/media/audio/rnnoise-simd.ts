import { WasmCode } from "./wasm/wasm-code.ts";
import { isMutableI32Global, type Prefix, prefixFunction } from "./wasm/wasm-module.ts";

/**
 * A faster RNNoise without a second build of it. The published WebAssembly build
 * (`@jitsi/rnnoise-wasm`, RNNoise 0.2 model) was compiled without SIMD, and three quarters of its
 * time goes to one function: `rnn_compute_linear_c`, the linear layer of its network. For the
 * int8 layers (the convolution and the six GRU matrices) the scalar code quantises the input to
 * 8 bits, multiplies 8×4 weight blocks and adds each block's integer sum to a float output.
 *
 * This module puts a 128-bit SIMD version of exactly that path in front of the function's body:
 * widened 8-bit weights and inputs meet in `i32x4.dot_i16x8_s`, eight rows at a time. Every
 * partial sum is an integer below 2^24 (the model's layers have 384 inputs; 384 · 127 · 128 < 2^24),
 * so the scalar code's float additions are exact and summing in 32-bit integers gives the same
 * floats bit for bit; scale, bias and the GRU diagonal are then applied with the same
 * single-precision operations. Float layers, and any layer too wide for that argument, fall
 * through to the original code. `rnnoise-simd.test.ts` checks the output is identical to the
 * unpatched module's.
 *
 * LinearLayer (RNNoise 0.2 `nnet.h`), 32-bit: bias 0, subias 4, weights (int8) 8,
 * float_weights 12, weights_idx 16, diag 20, scale 24, nb_inputs 28, nb_outputs 32. The scalar
 * code quantises into a 2048-byte buffer on the C stack; this code takes 2 KiB there for up to
 * 1024 16-bit inputs, moving the same stack pointer (global 0).
 */

export const linearFunction = "rnn_compute_linear_c";
export const linearFunctionParameters = 3;
const stackPointerGlobal = 0;
/** Widest layer whose integer sums stay below 2^24 (1024 · 127 · 128 < 2^24), as exactness needs. */
const largestInputCount = 1024;

export const linearLayerField = {
  bias: 0,
  weights: 8,
  floatWeights: 12,
  weightsIndex: 16,
  diagonal: 20,
  scale: 24,
  inputs: 28,
  outputs: 32,
};
const parameter = { layer: 0, output: 1, input: 2 };

/** i8x16.shuffle lanes taking the even (first) or odd (second) 32-bit lanes of two vectors. */
const evenLanes = [0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27];
const oddLanes = [4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31];

const localNames = [
  "weights",
  "rows",
  "columns",
  "index",
  "scale",
  "bias",
  "diagonal",
  "savedStack",
  "quantised",
  "row",
  "block",
  "blocks",
  "position",
  "output",
] as const;
const vectorNames = ["rows01", "rows23", "rows45", "rows67", "inputs"] as const;

export const int8LayerPrefix: Prefix = {
  locals: [...localNames.map(() => "i32" as const), ...vectorNames.map(() => "v128" as const), "f64"],
  code(first) {
    const local = Object.fromEntries([
      ...localNames.map((name, index) => [name, first + index]),
      ...vectorNames.map((name, index) => [name, first + localNames.length + index]),
      ["rounded", first + localNames.length + vectorNames.length],
    ]) as Record<(typeof localNames)[number] | (typeof vectorNames)[number] | "rounded", number>;
    const code = new WasmCode();
    const forLoop = (counter: number, limit: number, body: () => void, step = 1) => {
      code.i32Const(0).set(counter).block().loop();
      code.get(counter).get(limit).i32LtS().i32Eqz().brIf(1);
      body();
      code.get(counter).i32Const(step).i32Add().set(counter).br(0).end().end();
    };
    /** Pushes `base + counter · 4`. */
    const elementAddress = (base: number, counter: number) =>
      code.get(base).get(counter).i32Const(2).i32Shl().i32Add();

    // only the int8 path: float weights, when present, take precedence in the original
    code.get(parameter.layer).i32Load(linearLayerField.floatWeights).i32Eqz().if();
    code
      .get(parameter.layer)
      .i32Load(linearLayerField.inputs)
      .i32Const(largestInputCount + 1)
      .i32LtS()
      .if();
    code.get(parameter.layer).i32Load(linearLayerField.weights).tee(local.weights).if();
    for (const [name, offset] of [
      ["rows", linearLayerField.outputs],
      ["columns", linearLayerField.inputs],
      ["index", linearLayerField.weightsIndex],
      ["scale", linearLayerField.scale],
      ["bias", linearLayerField.bias],
      ["diagonal", linearLayerField.diagonal],
    ] as const) {
      code.get(parameter.layer).i32Load(offset).set(local[name]);
    }
    code
      .globalGet(stackPointerGlobal)
      .tee(local.savedStack)
      .i32Const(largestInputCount * 2 + 16)
      .i32Sub()
      .i32Const(-16)
      .i32And()
      .tee(local.quantised)
      .globalSet(stackPointerGlobal);

    // inputs quantised as the scalar code does, (opus_int8)(int)floor(.5 + 127·x), kept as int16
    forLoop(local.block, local.columns, () => {
      code.get(local.quantised).get(local.block).i32Const(1).i32Shl().i32Add();
      elementAddress(parameter.input, local.block).f32Load().f32Const(127).f32Mul();
      code.f64PromoteF32().f64Const(0.5).f64Add().f64Floor().tee(local.rounded);
      code
        .f64Abs()
        .f64Const(2 ** 31)
        .f64Lt()
        .ifResult("i32");
      code
        .get(local.rounded)
        .i32TruncF64Signed()
        .else()
        .i32Const(-(2 ** 31))
        .end();
      code.i32Extend8Signed().i32Store16();
    });

    // eight rows at a time: each block is 8 rows × 4 columns of int8 weights, row by row
    forLoop(
      local.row,
      local.rows,
      () => {
        for (const name of ["rows01", "rows23", "rows45", "rows67"] as const)
          code.v128Zero().set(local[name]);
        code.get(local.columns).i32Const(3).i32Add().i32Const(2).i32ShrS().set(local.blocks);
        code.get(local.index).if();
        code.get(local.index).i32Load().set(local.blocks);
        code.get(local.index).i32Const(4).i32Add().set(local.index);
        code.end();
        forLoop(local.block, local.blocks, () => {
          code.get(local.block).i32Const(2).i32Shl().set(local.position);
          code.get(local.index).if();
          code.get(local.index).i32Load().set(local.position);
          code.get(local.index).i32Const(4).i32Add().set(local.index);
          code.end();
          code
            .get(local.quantised)
            .get(local.position)
            .i32Const(1)
            .i32Shl()
            .i32Add()
            .v128Load64Splat()
            .set(local.inputs);
          (["rows01", "rows23", "rows45", "rows67"] as const).forEach((name, pair) => {
            code
              .get(local[name])
              .get(local.weights)
              .v128Load8x8Signed(pair * 8)
              .get(local.inputs);
            code.i32x4DotI16x8Signed().i32x4Add().set(local[name]);
          });
          code.get(local.weights).i32Const(32).i32Add().set(local.weights);
        });
        elementAddress(parameter.output, local.row).set(local.output);
        (
          [
            ["rows01", "rows23"],
            ["rows45", "rows67"],
          ] as const
        ).forEach(([low, high], half) => {
          code.get(local.output);
          code.get(local[low]).get(local[high]).i8x16Shuffle(evenLanes);
          code.get(local[low]).get(local[high]).i8x16Shuffle(oddLanes);
          code.i32x4Add().f32x4ConvertI32x4Signed();
          elementAddress(local.scale, local.row)
            .v128Load(half * 16)
            .f32x4Mul();
          code.v128Store(half * 16);
        });
      },
      8,
    );

    code.get(local.bias).if();
    forLoop(local.row, local.rows, () => {
      elementAddress(parameter.output, local.row).tee(local.output).get(local.output).f32Load();
      elementAddress(local.bias, local.row).f32Load().f32Add().f32Store();
    });
    code.end();

    // GRU recurrent layers: out[i + k·M] += diag[i + k·M] · in[i], k = 0, 1, 2
    code.get(local.diagonal).if();
    forLoop(local.block, local.columns, () => {
      for (let part = 0; part < 3; part++) {
        elementAddress(parameter.output, local.block)
          .get(local.columns)
          .i32Const(part * 4)
          .i32Mul();
        code.i32Add().tee(local.output).get(local.output).f32Load();
        elementAddress(local.diagonal, local.block)
          .get(local.columns)
          .i32Const(part * 4)
          .i32Mul()
          .i32Add()
          .f32Load();
        elementAddress(parameter.input, local.block).f32Load().f32Mul().f32Add().f32Store();
      }
    });
    code.end();

    code.get(local.savedStack).globalSet(stackPointerGlobal).return();
    code.end().end().end();
    return code.bytes;
  },
};

/**
 * The RNNoise module with its int8 linear layers in SIMD, or `undefined` when this build does not
 * have the shape the patch expects (another release of the package) or the engine lacks SIMD; the
 * caller then uses the module as published.
 */
export function withSimdLinearLayers(original: Uint8Array): Uint8Array<ArrayBuffer> | undefined {
  try {
    if (!isMutableI32Global(original, stackPointerGlobal)) return undefined;
    const patched = prefixFunction(original, linearFunction, linearFunctionParameters, int8LayerPrefix);
    return WebAssembly.validate(patched) ? patched : undefined;
  } catch {
    return undefined;
  }
}
