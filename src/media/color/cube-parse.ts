import { AppError } from "../../lib/errors.ts";
import type { Lut3d } from "./lut.ts";

type Triple = [number, number, number];

/** A `.cube` file as written: an optional 1D LUT (or shaper), an optional 3D LUT and their domains. */
export type CubeFile = {
  title: string | undefined;
  lut1d: { size: number; data: Float32Array; domainMin: Triple; domainMax: Triple } | undefined;
  lut3d: Lut3d | undefined;
};

type Header = {
  title?: string;
  size1d: number;
  size3d: number;
  domainMin?: Triple;
  domainMax?: Triple;
  range1d?: [number, number];
  range3d?: [number, number];
};

function fail(line: number, message: string): never {
  throw new AppError("unprocessable:lut", `Line ${line}: ${message}`, { details: { line } });
}

function parseNumbers(words: string[], line: number): number[] {
  return words.map((word) => {
    const value = Number(word);
    if (word === "" || !Number.isFinite(value)) fail(line, `"${word}" is not a number`);
    return value;
  });
}

function parseSize(words: string[], line: number, keyword: string, max: number): number {
  const [size] = parseNumbers(words, line);
  if (words.length !== 1 || size === undefined || !Number.isInteger(size) || size < 2 || size > max) {
    fail(line, `${keyword} must be one whole number from 2 to ${max}`);
  }
  return size;
}

function parseCount(words: string[], line: number, keyword: string, count: number): number[] {
  if (words.length !== count) fail(line, `${keyword} expects ${count} numbers, got ${words.length}`);
  return parseNumbers(words, line);
}

function readKeyword(header: Header, keyword: string, words: string[], line: number, text: string): void {
  switch (keyword) {
    case "TITLE":
      header.title = text
        .slice(5)
        .trim()
        .replace(/^"(.*)"$/, "$1");
      return;
    case "LUT_1D_SIZE":
      header.size1d = parseSize(words, line, keyword, 65536);
      return;
    case "LUT_3D_SIZE":
      header.size3d = parseSize(words, line, keyword, 129);
      return;
    case "DOMAIN_MIN":
      header.domainMin = parseCount(words, line, keyword, 3) as Triple;
      return;
    case "DOMAIN_MAX":
      header.domainMax = parseCount(words, line, keyword, 3) as Triple;
      return;
    case "LUT_1D_INPUT_RANGE":
      header.range1d = parseCount(words, line, keyword, 2) as [number, number];
      return;
    case "LUT_3D_INPUT_RANGE":
      header.range3d = parseCount(words, line, keyword, 2) as [number, number];
      return;
    default:
      // Vendor keywords (e.g. LUT_IN_VIDEO_RANGE) carry nothing the table needs.
      return;
  }
}

function domains(header: Header, line: number) {
  const shared = header.size1d > 0 && header.size3d > 0;
  const pick = (range: [number, number] | undefined, fallback: Triple | undefined, end: 0 | 1): Triple =>
    range ? [range[end], range[end], range[end]] : (fallback ?? (end === 0 ? [0, 0, 0] : [1, 1, 1]));
  // In a shaper + cube file DOMAIN lines describe the shaper; the cube indexes the shaper's output.
  const result = {
    min1d: pick(header.range1d, header.domainMin, 0),
    max1d: pick(header.range1d, header.domainMax, 1),
    min3d: pick(header.range3d, shared ? undefined : header.domainMin, 0),
    max3d: pick(header.range3d, shared ? undefined : header.domainMax, 1),
  };
  const invalid = (min: Triple, max: Triple) => min.some((value, channel) => value >= max[channel]!);
  if (invalid(result.min1d, result.max1d) || invalid(result.min3d, result.max3d)) {
    fail(line, "the domain minimum must be below its maximum in every channel");
  }
  return result;
}

/**
 * Parses and validates a `.cube` file (Adobe/IRIDAS and Resolve dialects): TITLE, comments,
 * LUT_1D_SIZE, LUT_3D_SIZE, DOMAIN_MIN/MAX, LUT_1D_INPUT_RANGE/LUT_3D_INPUT_RANGE. Every fault is an
 * `unprocessable:lut` naming the line. Output values may lie at most one domain width outside the domain.
 */
export function parseCubeFile(text: string): CubeFile {
  const header: Header = { size1d: 0, size3d: 0 };
  let values: Float32Array | undefined;
  let count = 0;
  let limits = { min: 0, max: 0 };
  let domain: ReturnType<typeof domains> | undefined;
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length; index++) {
    const lineNumber = index + 1;
    const line = lines[index]!.replace(/#.*$/, "").trim();
    if (line === "") continue;
    const words = line.split(/\s+/);
    const keyword = words[0]!;
    if (/^[A-Za-z_]/.test(keyword)) {
      if (values) fail(lineNumber, `keyword ${keyword} after the table data`);
      readKeyword(header, keyword, words.slice(1), lineNumber, line);
      continue;
    }
    if (!values) {
      if (header.size1d === 0 && header.size3d === 0)
        fail(lineNumber, "table data before LUT_3D_SIZE or LUT_1D_SIZE");
      domain = domains(header, lineNumber);
      values = new Float32Array((header.size1d + header.size3d ** 3) * 3);
      const width = Math.max(...domain.max3d.map((value, channel) => value - domain!.min3d[channel]!));
      limits = { min: Math.min(...domain.min3d) - width, max: Math.max(...domain.max3d) + width };
    }
    if (words.length !== 3) fail(lineNumber, `expected 3 numbers, got ${words.length}`);
    if (count >= values.length) fail(lineNumber, `more rows than the ${values.length / 3} the sizes declare`);
    for (const value of parseNumbers(words, lineNumber)) {
      if (value < limits.min || value > limits.max) {
        fail(
          lineNumber,
          `value ${value} is out of the LUT's domain (allowed ${limits.min} to ${limits.max})`,
        );
      }
      values[count++] = value;
    }
  }
  if (header.size1d === 0 && header.size3d === 0) {
    throw new AppError(
      "unprocessable:lut",
      "The file has no LUT_3D_SIZE or LUT_1D_SIZE line; it is not a .cube LUT.",
    );
  }
  const expected = header.size1d + header.size3d ** 3;
  if (!values || !domain || count !== values.length) {
    const sizes = [
      header.size1d > 0 ? `LUT_1D_SIZE ${header.size1d}` : "",
      header.size3d > 0 ? `LUT_3D_SIZE ${header.size3d}` : "",
    ];
    const counts = [
      header.size1d > 0 ? `${header.size1d}` : "",
      header.size3d > 0 ? `${header.size3d}³` : "",
    ];
    throw new AppError(
      "unprocessable:lut",
      `Size mismatch: ${sizes.filter(Boolean).join(" + ")} expects ${counts.filter(Boolean).join(" + ")} = ${expected} rows, got ${count / 3}.`,
      { details: { expected, actual: count / 3 } },
    );
  }
  const { size1d, size3d, title } = header;
  return {
    title,
    lut1d:
      size1d > 0
        ? {
            size: size1d,
            data: values.slice(0, size1d * 3),
            domainMin: domain.min1d,
            domainMax: domain.max1d,
          }
        : undefined,
    lut3d:
      size3d > 0
        ? {
            size: size3d,
            data: values.slice(size1d * 3),
            domainMin: domain.min3d,
            domainMax: domain.max3d,
            title,
          }
        : undefined,
  };
}
