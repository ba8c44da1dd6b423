import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";

/** The shared screenplays (CI clones the repository with `shared/` beside it). */
export const screenplaysDirectory = path.resolve(
  import.meta.dirname,
  "../../../../../shared/fixtures/screenplays",
);
export const fixtureNames = ["brick-and-steel", "big-fish"] as const;
export const readFixture = (name: string) =>
  readFileSync(path.join(screenplaysDirectory, `${name}.fountain`), "utf8");

const repositoryRoot = path.resolve(import.meta.dirname, "../../../..");
const run = promisify(execFile);

/** Renders Fountain to a paginated PDF with afterwriting (US Letter, scene numbers in both margins). */
export async function renderWithAfterwriting(source: string, pdf: string): Promise<void> {
  await run(process.execPath, [
    path.join(repositoryRoot, "node_modules/afterwriting/awc.js"),
    "--source",
    source,
    "--pdf",
    pdf,
    "--overwrite",
    "--setting",
    "print_profile=usletter",
    "--setting",
    "scenes_numbers=both",
  ]);
}

interface AwToken {
  type: string;
  text: string;
}

/** afterwriting's own Fountain parser, an independent reading to compare ours against. */
export function parseWithAwParser(source: string): AwToken[] {
  const require = createRequire(import.meta.url);
  const awParser = require(path.join(repositoryRoot, "node_modules/aw-parser/index.js")) as {
    parser: { parse(script: string, config: Record<string, boolean>): { tokens: AwToken[] } };
  };
  return awParser.parser.parse(source, {
    print_headers: true,
    print_actions: true,
    print_dialogues: true,
    use_dual_dialogue: true,
  }).tokens;
}
