import { unsignedLeb, type ValueType, valueType } from "./wasm-code.ts";

/**
 * Reads a compiled WebAssembly module far enough to find a function by its debug name and put
 * code in front of its body (WebAssembly 2.0 binary format, §5.5). Every other byte is kept.
 */

/** `header` is where the section's id byte is; `start`..`end` its content. */
type Section = { id: number; header: number; start: number; end: number };

const sectionId = { custom: 0, import: 2, global: 6, code: 10 } as const;

class Reader {
  constructor(
    readonly bytes: Uint8Array,
    public offset: number,
  ) {}

  byte(): number {
    const value = this.bytes[this.offset++];
    if (value === undefined) throw new Error("the WebAssembly module ends early");
    return value;
  }

  u32(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = this.byte();
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7;
    }
  }

  name(): string {
    const length = this.u32();
    const text = new TextDecoder().decode(this.bytes.subarray(this.offset, this.offset + length));
    this.offset += length;
    return text;
  }
}

function readSections(bytes: Uint8Array): Section[] {
  const magic = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  if (!magic.every((byte, index) => bytes[index] === byte)) throw new Error("not a WebAssembly 1.0 module");
  const reader = new Reader(bytes, 8);
  const sections: Section[] = [];
  while (reader.offset < bytes.length) {
    const header = reader.offset;
    const id = reader.byte();
    const size = reader.u32();
    sections.push({ id, header, start: reader.offset, end: reader.offset + size });
    reader.offset += size;
  }
  return sections;
}

/** How many functions and globals the module imports (they come first in each index space). */
function importCounts(bytes: Uint8Array, sections: Section[]): { functions: number; globals: number } {
  const counts = { functions: 0, globals: 0 };
  const section = sections.find((candidate) => candidate.id === sectionId.import);
  if (!section) return counts;
  const reader = new Reader(bytes, section.start);
  for (let remaining = reader.u32(); remaining > 0; remaining--) {
    reader.name();
    reader.name();
    const kind = reader.byte();
    if (kind === 0x00) {
      counts.functions++;
      reader.u32();
    } else if (kind === 0x01) {
      reader.byte();
      if (reader.byte() & 0x01) reader.u32();
      reader.u32();
    } else if (kind === 0x02) {
      if (reader.byte() & 0x01) reader.u32();
      reader.u32();
    } else if (kind === 0x03) {
      counts.globals++;
      reader.byte();
      reader.byte();
    } else throw new Error(`unknown import kind ${kind}`);
  }
  return counts;
}

/** The name section's function names (subsection 1), index → name. */
function functionNames(bytes: Uint8Array, sections: Section[]): Map<string, number> {
  const names = new Map<string, number>();
  for (const section of sections.filter((candidate) => candidate.id === sectionId.custom)) {
    const reader = new Reader(bytes, section.start);
    if (reader.name() !== "name") continue;
    while (reader.offset < section.end) {
      const subsection = reader.byte();
      const size = reader.u32();
      const end = reader.offset + size;
      if (subsection === 1) {
        for (let remaining = reader.u32(); remaining > 0; remaining--) {
          const index = reader.u32();
          names.set(reader.name(), index);
        }
      }
      reader.offset = end;
    }
  }
  return names;
}

/** Steps over a one-instruction constant expression (`i32.const`, `i64.const`, `f32.const`, `f64.const`, `global.get`) and its `end`. */
function skipConstantExpression(reader: Reader): void {
  const opcode = reader.byte();
  if (opcode === 0x41 || opcode === 0x42 || opcode === 0x23) reader.u32();
  else if (opcode === 0x43) reader.offset += 4;
  else if (opcode === 0x44) reader.offset += 8;
  else throw new Error(`unexpected constant instruction 0x${opcode.toString(16)} in a global`);
  if (reader.byte() !== 0x0b) throw new Error("a global's initialiser is longer than one instruction");
}

/** Whether global `index` is a module-defined mutable i32 (the C stack pointer of an Emscripten build). */
export function isMutableI32Global(bytes: Uint8Array, index: number): boolean {
  const sections = readSections(bytes);
  const ownIndex = index - importCounts(bytes, sections).globals;
  const globals = sections.find((section) => section.id === sectionId.global);
  if (ownIndex < 0 || !globals) return false;
  const reader = new Reader(bytes, globals.start);
  if (ownIndex >= reader.u32()) return false;
  for (let current = 0; ; current++) {
    const type = reader.byte();
    const mutable = reader.byte();
    if (current === ownIndex) return type === valueType.i32 && mutable === 1;
    skipConstantExpression(reader);
  }
}

export type Prefix = {
  /** Locals added after the function's own; their indices start at `firstLocal`. */
  locals: ValueType[];
  /** Code run before the original body (it may `return`), given where its locals start. */
  code: (firstLocal: number) => number[];
};

/**
 * A copy of `bytes` in which the function named `name` (from the name section) runs `prefix`
 * before its own body. The function's parameter count must be given, since locals are numbered
 * after the parameters.
 */
export function prefixFunction(
  bytes: Uint8Array,
  name: string,
  parameterCount: number,
  prefix: Prefix,
): Uint8Array<ArrayBuffer> {
  const sections = readSections(bytes);
  const functionIndex = functionNames(bytes, sections).get(name);
  if (functionIndex === undefined) throw new Error(`the module has no function named ${name}`);
  const code = sections.find((section) => section.id === sectionId.code);
  if (!code) throw new Error("the module has no code section");
  const bodyIndex = functionIndex - importCounts(bytes, sections).functions;

  const reader = new Reader(bytes, code.start);
  const count = reader.u32();
  if (bodyIndex < 0 || bodyIndex >= count) throw new Error(`${name} is not a function defined in the module`);
  for (let index = 0; index < bodyIndex; index++) {
    const size = reader.u32();
    reader.offset += size;
  }
  const bodyStart = reader.offset;
  const bodySize = reader.u32();
  const bodyEnd = reader.offset + bodySize;

  const localGroups: number[][] = [];
  let ownLocals = 0;
  for (let groups = reader.u32(); groups > 0; groups--) {
    const howMany = reader.u32();
    const type = reader.byte();
    ownLocals += howMany;
    localGroups.push([...unsignedLeb(howMany), type]);
  }
  const originalExpression = bytes.subarray(reader.offset, bodyEnd);
  for (const type of prefix.locals) localGroups.push([1, valueType[type]]);

  const body = [
    ...unsignedLeb(localGroups.length),
    ...localGroups.flat(),
    ...prefix.code(parameterCount + ownLocals),
    ...originalExpression,
  ];
  const newBody = [...unsignedLeb(body.length), ...body];
  const codeContent = [
    ...bytes.subarray(code.start, bodyStart),
    ...newBody,
    ...bytes.subarray(bodyEnd, code.end),
  ];
  const sizeBytes = unsignedLeb(codeContent.length);
  const result = new Uint8Array(
    code.header + 1 + sizeBytes.length + codeContent.length + (bytes.length - code.end),
  );
  let at = 0;
  const put = (chunk: ArrayLike<number>) => {
    result.set(chunk, at);
    at += chunk.length;
  };
  put(bytes.subarray(0, code.header));
  put([sectionId.code, ...sizeBytes]);
  put(codeContent);
  put(bytes.subarray(code.end));
  return result;
}
