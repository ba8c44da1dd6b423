import type { Breakdown } from "../breakdown-model.ts";
import { type BreakdownCategory, breakdownCategories, categoryStyles } from "../categories.ts";

/** One CSV field, quoted per RFC 4180 when it holds a comma, a quote or a line break. */
export function csvField(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows joined with CRLF, as RFC 4180 asks. */
export function csvRows(rows: Array<Array<string | number | null>>): string {
  return `${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/** One CSV per category: every tagged element with its scene, set, page and the words it came from. */
export function breakdownCsvByCategory(breakdown: Breakdown): Record<BreakdownCategory, string> {
  const files = {} as Record<BreakdownCategory, string>;
  for (const category of breakdownCategories) {
    const rows: Array<Array<string | number | null>> = [
      ["Category", "Scene", "Heading", "Page", "Element", "Quote"],
    ];
    for (const scene of breakdown.scenes) {
      for (const element of scene.elements) {
        if (element.category !== category) continue;
        rows.push([
          categoryStyles[category].label,
          scene.number,
          scene.heading,
          scene.page,
          element.name,
          element.source?.quote ?? null,
        ]);
      }
    }
    files[category] = csvRows(rows);
  }
  return files;
}
