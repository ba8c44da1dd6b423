import { describe, expect, it } from "vitest";
import { createOfflineModel } from "../../src/providers/offline-model/index.ts";
import { tools as registeredTools } from "../../src/tools/index.ts";
import { plannedTools, type ToolDeclaration } from "./planned-tools.ts";
import { runToolChoiceEvals, toolChoiceItems } from "./run-tool-choice.ts";

function offlineModelFor(declarations: readonly ToolDeclaration[]) {
  return createOfflineModel({
    toolHints: declarations.map(({ name, description, examples }) => ({ name, description, examples })),
  });
}

const registeredNames = new Set(registeredTools.map((registered) => registered.name));
const registeredAndPlanned: ToolDeclaration[] = [
  ...registeredTools,
  ...plannedTools.filter((planned) => !registeredNames.has(planned.name)),
];

describe("tool-choice evals with the offline model", () => {
  it("has at least 90 items, with clarifications, answers and requests no tool serves", () => {
    expect(toolChoiceItems.length).toBeGreaterThanOrEqual(90);
    for (const kind of ["tool", "clarify", "no-tool", "answer"] as const) {
      expect(toolChoiceItems.some((item) => item.expect === kind)).toBe(true);
    }
  });

  it("reaches 90% tool choice and 85% arguments on the registered tools", async () => {
    const report = await runToolChoiceEvals({
      model: offlineModelFor(registeredTools),
      tools: registeredTools,
      print: true,
    });
    expect(report.evaluated).toBeGreaterThanOrEqual(40);
    expect(report.toolChoiceAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.argumentAccuracy).toBeGreaterThanOrEqual(0.85);
  });

  it("reaches 90% tool choice and 85% arguments on the registered and planned tools", async () => {
    const report = await runToolChoiceEvals({
      model: offlineModelFor(registeredAndPlanned),
      tools: registeredAndPlanned,
      print: true,
    });
    expect(report.skipped).toBe(0);
    expect(report.toolChoiceAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.argumentAccuracy).toBeGreaterThanOrEqual(0.85);
  });
});
