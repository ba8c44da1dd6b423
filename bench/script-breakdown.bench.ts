/**
 * Script breakdown benchmark: parse + offline breakdown of a ~120-page screenplay, from Fountain and
 * from the same script rendered to PDF by afterwriting. Targets: 1 s (Fountain), 2 s (PDF).
 * Also times writing the printable breakdown sheets (PDF) of that breakdown, against the HTML sheets of
 * the same breakdown measured in the same run (no target: it is reported so a slowdown shows).
 * Run: npx tsx bench/script-breakdown.bench.ts
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  breakdownSheetsHtml,
  breakdownSheetsPdf,
  buildBreakdown,
  createOfflineExtractor,
  paginate,
  parseScreenplay,
} from "../src/media/script/index.ts";

const root = path.resolve(import.meta.dirname, "..");
const fixtures = path.resolve(root, "../shared/fixtures/screenplays");
const directory = mkdtempSync(path.join(os.tmpdir(), "script-bench-"));

// Big Fish (≈120 pages) followed by Brick & Steel without its title page: one long script, renumbered by position.
const bigFish = readFileSync(path.join(fixtures, "big-fish.fountain"), "utf8");
const brick = readFileSync(path.join(fixtures, "brick-and-steel.fountain"), "utf8");
const brickBody = brick.slice(brick.indexOf("EXT. BRICK'S PATIO"));
const fountain = `${bigFish}\n\n${brickBody}`;
const fountainPath = path.join(directory, "long.fountain");
const pdfPath = path.join(directory, "long.pdf");
writeFileSync(fountainPath, fountain);
execFileSync(
  process.execPath,
  [
    path.join(root, "node_modules/afterwriting/awc.js"),
    "--source",
    fountainPath,
    "--pdf",
    pdfPath,
    "--overwrite",
    "--setting",
    "print_profile=usletter",
  ],
  { stdio: "ignore" },
);
const fountainBytes = new TextEncoder().encode(fountain);
const pdfBytes = new Uint8Array(readFileSync(pdfPath));

/** CPU time of this process in ms: on a machine shared with other work it moves far less than wall time. */
function cpuMilliseconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

async function run(bytes: Uint8Array, fileName: string) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const screenplay = await parseScreenplay({ bytes, fileName });
  const breakdown = await buildBreakdown({ screenplay, extractor: createOfflineExtractor() });
  return { milliseconds: performance.now() - started, cpu: cpuMilliseconds(cpu), breakdown, screenplay };
}

function medianMilliseconds(work: () => unknown, rounds = 5): number {
  work();
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  times.sort((left, right) => left - right);
  return times[Math.floor(times.length / 2)] ?? 0;
}

async function median(bytes: Uint8Array, fileName: string, rounds = 5) {
  await run(bytes, fileName);
  const results = [];
  for (let round = 0; round < rounds; round += 1) results.push(await run(bytes, fileName));
  const middle = <T>(values: T[], by: (value: T) => number) =>
    [...values].sort((left, right) => by(left) - by(right))[Math.floor(values.length / 2)];
  const wall = middle(results, (result) => result.milliseconds);
  const cpu = middle(results, (result) => result.cpu);
  if (!wall || !cpu) throw new Error("no rounds ran");
  return { ...wall, cpu: cpu.cpu };
}

const fromFountain = await median(fountainBytes, "long.fountain");
const fromPdf = await median(pdfBytes, "long.pdf");
const pages = paginate(fromFountain.screenplay).totalPages;
console.log(
  `cores: ${os.availableParallelism()}  node ${process.version}  load average ${os
    .loadavg()
    .map((load) => load.toFixed(1))
    .join(" ")}`,
);
console.log(
  `script: ${fromFountain.breakdown.scenes.length} scenes, ${pages} pages paginated, ${fromPdf.screenplay.sourcePageCount} pages in the afterwriting PDF`,
);
for (const [label, result, target] of [
  ["fountain", fromFountain, 1000],
  ["pdf", fromPdf, 2000],
] as const) {
  const elements = result.breakdown.scenes.reduce((sum, scene) => sum + scene.elements.length, 0);
  console.log(
    `${label.padEnd(9)} ${result.milliseconds.toFixed(0).padStart(6)} ms  target ${target} ms  ratio ${(result.milliseconds / target).toFixed(2)}  (cpu ${result.cpu.toFixed(0)} ms; ${elements} elements)`,
  );
}
const sheets = fromFountain.breakdown;
const pdfSheets = breakdownSheetsPdf(sheets);
const pdfMilliseconds = medianMilliseconds(() => breakdownSheetsPdf(sheets));
const htmlMilliseconds = medianMilliseconds(() => breakdownSheetsHtml(sheets));
console.log(
  `sheets    ${pdfMilliseconds.toFixed(0).padStart(6)} ms  PDF (${(pdfSheets.length / 1024).toFixed(0)} KiB for ${sheets.scenes.length} scenes)  vs HTML ${htmlMilliseconds.toFixed(1)} ms  ratio ${(pdfMilliseconds / htmlMilliseconds).toFixed(1)}`,
);
rmSync(directory, { recursive: true, force: true });
