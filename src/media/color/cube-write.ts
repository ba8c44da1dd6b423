import type { Lut3d } from "./lut.ts";

// Nine significant digits always bring a float32 back to the same float32, so export → import is lossless.
function formatNumber(value: number): string {
  if (value === 0) return "0";
  const text = value.toPrecision(9);
  if (text.includes("e")) return text.replace(/\.?0+e/, "e");
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

function formatTriple(values: readonly number[]): string {
  return values.map(formatNumber).join(" ");
}

/**
 * Writes a LUT as an Adobe/Resolve `.cube` file. Keywords come in the order ffmpeg's parser needs
 * (TITLE, LUT_3D_SIZE, then DOMAIN_MIN/MAX) and DOMAIN lines are always present.
 */
export function formatCube(lut: Lut3d, options: { title?: string; comment?: string } = {}): string {
  const title = (options.title ?? lut.title ?? "NollyAI Studio grade").replace(/["\r\n]/g, "'");
  const lines = [
    `# ${options.comment ?? "Created by NollyAI Studio"}`,
    `TITLE "${title}"`,
    `LUT_3D_SIZE ${lut.size}`,
  ];
  lines.push(`DOMAIN_MIN ${formatTriple(lut.domainMin)}`, `DOMAIN_MAX ${formatTriple(lut.domainMax)}`);
  const { data } = lut;
  for (let offset = 0; offset < data.length; offset += 3) {
    lines.push(
      `${formatNumber(data[offset]!)} ${formatNumber(data[offset + 1]!)} ${formatNumber(data[offset + 2]!)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
