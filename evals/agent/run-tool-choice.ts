import type { LanguageModelV3 } from "@ai-sdk/provider";
import { generateText, stepCountIs, type ToolSet, tool } from "ai";
import { z } from "zod";
import { buildSystemPrompt } from "../../src/agent/system-prompt.ts";
import { fakePassages, fakeProject } from "./fake-project.ts";
import type { ToolDeclaration } from "./planned-tools.ts";
import dataset from "./tool-choice-dataset.json" with { type: "json" };

const itemSchema = z.object({
  request: z.string().min(1),
  expect: z.enum(["tool", "clarify", "no-tool", "answer"]),
  /** The tool meant (for "clarify": the tool that would need the missing argument). */
  tool: z.string().optional(),
  /** Arguments that must be equal; `$project`, `$file:<name>` and `$job:<tool>` name the fake project's ids. */
  args: z.record(z.string(), z.unknown()).optional(),
  /** String arguments that must contain the given text (case-insensitive). */
  contains: z.record(z.string(), z.string()).optional(),
  /** For "answer": a source the answer must cite. */
  source: z.string().optional(),
});
export type ToolChoiceItem = z.infer<typeof itemSchema>;

export const toolChoiceItems: ToolChoiceItem[] = z
  .object({ items: z.array(itemSchema) })
  .parse(dataset).items;

export type ToolChoiceFailure = {
  request: string;
  expected: string;
  got: string;
  problem: "choice" | "arguments";
};

export type ToolChoiceReport = {
  /** Items run (their tool, if any, is among the given tools). */
  evaluated: number;
  /** Items whose tool is not among the given tools. */
  skipped: number;
  toolChoiceAccuracy: number;
  /** Of the items expecting a tool call: the right tool with every key argument right. */
  argumentAccuracy: number;
  failures: ToolChoiceFailure[];
};

/**
 * Runs the tool-choice dataset through the AI SDK (`generateText`, one step, tools without `execute`)
 * with a system prompt for a fake project, and scores which tool was chosen and with what arguments.
 */
export async function runToolChoiceEvals(input: {
  model: LanguageModelV3;
  tools: readonly ToolDeclaration[];
  items?: ToolChoiceItem[];
  print?: boolean;
}): Promise<ToolChoiceReport> {
  const names = new Set(input.tools.map((declared) => declared.name));
  const toolSet: ToolSet = {};
  for (const declared of input.tools) {
    toolSet[declared.name] = tool({ description: declared.description, inputSchema: declared.inputSchema });
  }
  const system = buildSystemPrompt({
    tools: input.tools.map(({ name, title, description, annotations }) => ({
      name,
      title,
      description,
      annotations,
    })),
    project: fakeProject,
    passages: fakePassages,
  });
  const items = (input.items ?? toolChoiceItems).filter((item) => !item.tool || names.has(item.tool));
  const skipped = (input.items ?? toolChoiceItems).length - items.length;
  const failures: ToolChoiceFailure[] = [];
  let chosenRight = 0;
  let toolItems = 0;
  let argumentsRight = 0;

  for (const item of items) {
    const result = await generateText({
      model: input.model,
      system,
      prompt: item.request,
      tools: toolSet,
      stopWhen: stepCountIs(1),
    });
    const call = result.toolCalls[0];
    const got = call
      ? `${call.toolName}${"invalid" in call && call.invalid ? " (invalid input)" : ""} ${JSON.stringify(call.input)}`
      : `text: ${result.text}`;
    const expected = describeExpectation(item);
    if (item.expect === "tool") toolItems += 1;
    if (!choiceIsRight(item, call?.toolName, result.text)) {
      failures.push({ request: item.request, expected, got, problem: "choice" });
      continue;
    }
    chosenRight += 1;
    if (item.expect !== "tool") continue;
    const invalid = call && "invalid" in call && call.invalid;
    if (!invalid && argumentsMatch(item, call?.input)) argumentsRight += 1;
    else failures.push({ request: item.request, expected, got, problem: "arguments" });
  }

  const report: ToolChoiceReport = {
    evaluated: items.length,
    skipped,
    toolChoiceAccuracy: items.length === 0 ? 0 : chosenRight / items.length,
    argumentAccuracy: toolItems === 0 ? 0 : argumentsRight / toolItems,
    failures,
  };
  if (input.print) printReport(report);
  return report;
}

function choiceIsRight(item: ToolChoiceItem, toolName: string | undefined, text: string): boolean {
  switch (item.expect) {
    case "tool":
      return toolName === item.tool;
    case "clarify":
      return toolName === undefined && text.trim().endsWith("?");
    case "no-tool":
      return toolName === undefined;
    case "answer":
      return (
        toolName === undefined && text.includes(`(source: `) && (!item.source || text.includes(item.source))
      );
  }
}

function argumentsMatch(item: ToolChoiceItem, input: unknown): boolean {
  const actual = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  for (const [key, expected] of Object.entries(item.args ?? {})) {
    const wanted = resolveExpected(expected);
    const value = actual[key];
    const same =
      typeof wanted === "string" && typeof value === "string"
        ? wanted.trim().toLowerCase() === value.trim().toLowerCase()
        : JSON.stringify(wanted) === JSON.stringify(value);
    if (!same) return false;
  }
  for (const [key, part] of Object.entries(item.contains ?? {})) {
    const value = actual[key];
    if (typeof value !== "string" || !value.toLowerCase().includes(part.toLowerCase())) return false;
  }
  return true;
}

function resolveExpected(value: unknown): unknown {
  if (typeof value !== "string") return value;
  if (value === "$project") return fakeProject.id;
  if (value.startsWith("$file:")) return fakeProject.files.find((file) => file.name === value.slice(6))?.id;
  if (value.startsWith("$job:")) return fakeProject.recentJobs.find((job) => job.tool === value.slice(5))?.id;
  return value;
}

function describeExpectation(item: ToolChoiceItem): string {
  if (item.expect !== "tool") return item.expect + (item.tool ? ` (${item.tool})` : "");
  return `${item.tool} ${JSON.stringify({ ...item.args, ...item.contains })}`;
}

function printReport(report: ToolChoiceReport): void {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  console.log(
    `tool choice ${percent(report.toolChoiceAccuracy)}, arguments ${percent(report.argumentAccuracy)} ` +
      `(${report.evaluated} items, ${report.skipped} skipped: their tools are not offered)`,
  );
  if (report.failures.length > 0) {
    console.table(
      report.failures.map((failure) => ({
        problem: failure.problem,
        request: failure.request,
        expected: failure.expected.slice(0, 70),
        got: failure.got.slice(0, 90),
      })),
    );
  }
}
