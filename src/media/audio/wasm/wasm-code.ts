/**
 * A small WebAssembly instruction writer: enough of the core and 128-bit SIMD instruction set to
 * write a numeric kernel by hand (`rnnoise-simd.ts`). Opcodes are those of the WebAssembly 2.0
 * binary format (§5.4); memory arguments take the natural alignment unless told otherwise.
 */

export function unsignedLeb(value: number): number[] {
  const bytes: number[] = [];
  let rest = value >>> 0;
  do {
    let byte = rest & 0x7f;
    rest >>>= 7;
    if (rest !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (rest !== 0);
  return bytes;
}

export function signedLeb(value: number): number[] {
  const bytes: number[] = [];
  let rest = value | 0;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    const done = (rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0);
    bytes.push(done ? byte : byte | 0x80);
    if (done) return bytes;
  }
}

export const valueType = { i32: 0x7f, f32: 0x7d, f64: 0x7c, v128: 0x7b } as const;
export type ValueType = keyof typeof valueType;

/** Instructions appended in order; each method returns the writer so a kernel reads top to bottom. */
export class WasmCode {
  readonly bytes: number[] = [];

  private emit(...bytes: number[]): this {
    this.bytes.push(...bytes);
    return this;
  }

  private memory(opcode: number[], alignLog2: number, offset: number): this {
    return this.emit(...opcode, ...unsignedLeb(alignLog2), ...unsignedLeb(offset));
  }

  private simd(opcode: number): number[] {
    return [0xfd, ...unsignedLeb(opcode)];
  }

  // control
  unreachable(): this {
    return this.emit(0x00);
  }
  block(): this {
    return this.emit(0x02, 0x40);
  }
  loop(): this {
    return this.emit(0x03, 0x40);
  }
  if(): this {
    return this.emit(0x04, 0x40);
  }
  /** An `if` whose arms each leave one value of `type`. */
  ifResult(type: ValueType): this {
    return this.emit(0x04, valueType[type]);
  }
  else(): this {
    return this.emit(0x05);
  }
  end(): this {
    return this.emit(0x0b);
  }
  br(depth: number): this {
    return this.emit(0x0c, ...unsignedLeb(depth));
  }
  brIf(depth: number): this {
    return this.emit(0x0d, ...unsignedLeb(depth));
  }
  return(): this {
    return this.emit(0x0f);
  }

  // variables
  get(local: number): this {
    return this.emit(0x20, ...unsignedLeb(local));
  }
  set(local: number): this {
    return this.emit(0x21, ...unsignedLeb(local));
  }
  tee(local: number): this {
    return this.emit(0x22, ...unsignedLeb(local));
  }
  globalGet(global: number): this {
    return this.emit(0x23, ...unsignedLeb(global));
  }
  globalSet(global: number): this {
    return this.emit(0x24, ...unsignedLeb(global));
  }

  // memory
  i32Load(offset = 0): this {
    return this.memory([0x28], 2, offset);
  }
  f32Load(offset = 0): this {
    return this.memory([0x2a], 2, offset);
  }
  f32Store(offset = 0): this {
    return this.memory([0x38], 2, offset);
  }
  i32Store16(offset = 0): this {
    return this.memory([0x3b], 1, offset);
  }
  /** Loads any address: SIMD loads are not required to be aligned. */
  v128Load(offset = 0): this {
    return this.memory(this.simd(0x00), 0, offset);
  }
  /** Eight signed bytes, each widened to a 16-bit lane. */
  v128Load8x8Signed(offset = 0): this {
    return this.memory(this.simd(0x01), 0, offset);
  }
  /** Eight bytes repeated into both halves. */
  v128Load64Splat(offset = 0): this {
    return this.memory(this.simd(0x0a), 0, offset);
  }
  v128Store(offset = 0): this {
    return this.memory(this.simd(0x0b), 0, offset);
  }

  // constants
  i32Const(value: number): this {
    return this.emit(0x41, ...signedLeb(value));
  }
  f32Const(value: number): this {
    const bytes = new Uint8Array(new Float32Array([value]).buffer);
    return this.emit(0x43, ...bytes);
  }
  f64Const(value: number): this {
    const bytes = new Uint8Array(new Float64Array([value]).buffer);
    return this.emit(0x44, ...bytes);
  }
  v128Zero(): this {
    return this.emit(...this.simd(0x0c), ...new Array<number>(16).fill(0));
  }

  // i32
  i32Eqz(): this {
    return this.emit(0x45);
  }
  i32Ne(): this {
    return this.emit(0x47);
  }
  i32LtS(): this {
    return this.emit(0x48);
  }
  i32Add(): this {
    return this.emit(0x6a);
  }
  i32Sub(): this {
    return this.emit(0x6b);
  }
  i32Mul(): this {
    return this.emit(0x6c);
  }
  i32And(): this {
    return this.emit(0x71);
  }
  i32Shl(): this {
    return this.emit(0x74);
  }
  i32ShrS(): this {
    return this.emit(0x75);
  }
  i32Extend8Signed(): this {
    return this.emit(0xc0);
  }

  // floating point
  f64Lt(): this {
    return this.emit(0x63);
  }
  f64Abs(): this {
    return this.emit(0x99);
  }
  f64Floor(): this {
    return this.emit(0x9c);
  }
  f64Add(): this {
    return this.emit(0xa0);
  }
  f32Add(): this {
    return this.emit(0x92);
  }
  f32Mul(): this {
    return this.emit(0x94);
  }
  i32TruncF64Signed(): this {
    return this.emit(0xaa);
  }
  f64PromoteF32(): this {
    return this.emit(0xbb);
  }

  // SIMD arithmetic
  /** Lanes picked from the 32 bytes of two vectors. */
  i8x16Shuffle(lanes: readonly number[]): this {
    if (lanes.length !== 16) throw new Error("i8x16.shuffle takes 16 lane indices");
    return this.emit(...this.simd(0x0d), ...lanes);
  }
  i32x4Add(): this {
    return this.emit(...this.simd(0xae));
  }
  /** Products of 16-bit lane pairs, each adjacent pair summed into a 32-bit lane. */
  i32x4DotI16x8Signed(): this {
    return this.emit(...this.simd(0xba));
  }
  f32x4Add(): this {
    return this.emit(...this.simd(0xe4));
  }
  f32x4Mul(): this {
    return this.emit(...this.simd(0xe6));
  }
  f32x4ConvertI32x4Signed(): this {
    return this.emit(...this.simd(0xfa));
  }
}
