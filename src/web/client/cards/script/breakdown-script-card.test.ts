import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { buildBreakdown } from "../../../../media/script/breakdown/build-breakdown.ts";
import { createOfflineExtractor } from "../../../../media/script/extract/offline-extractor.ts";
import { parseFountain } from "../../../../media/script/fountain/parse-fountain.ts";
import { breakdownScriptOutput } from "../../../../tools/script/breakdown-script/breakdown-script-input.ts";
import { toSceneView } from "../../../../tools/script/scene-view.ts";
import { keys } from "../../hooks/queries.ts";
import type { JobSnapshot } from "../../lib/types.ts";
import { BreakdownScriptCard } from "./breakdown-script-card.tsx";

const script = `EXT. COMPOUND - DAY

MAMA (70), in a gele, watches FOLAKE (30s) carry jollof past an okada. A GOAT bleats.

FOLAKE
Mama, sit down.

INT. KITCHEN - NIGHT

Folake stirs the pepper soup.`;

const projectId = "project-1";

function job(output: unknown, status: JobSnapshot["status"]): JobSnapshot {
  return {
    jobId: "job-1",
    tool: "breakdown-script",
    projectId,
    status,
    progress: status === "succeeded" ? 100 : 40,
    message: status === "succeeded" ? "Done" : "Extracted 1 of 2 scene chunks",
    etaSeconds: null,
    attempts: 1,
    error: null,
    output,
    creditsReserved: 1,
    creditsCaptured: status === "succeeded" ? 1 : 0,
    createdAt: "2026-11-24T06:00:00.000Z",
    startedAt: "2026-11-24T06:00:00.000Z",
    finishedAt: status === "succeeded" ? "2026-11-24T06:00:01.000Z" : null,
  };
}

function renderCard(snapshot: JobSnapshot): string {
  const queryClient = new QueryClient();
  queryClient.setQueryData(keys.jobs(projectId), [snapshot]);
  return renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client: queryClient },
      createElement(BreakdownScriptCard, {
        toolName: "breakdown-script",
        input: { fileId: "file-1" },
        output: { jobId: "job-1" },
        projectId,
      }),
    ),
  );
}

describe("breakdown-script card", () => {
  it("shows the finished job's scenes with coloured element chips, category filters and the PDF sheets", async () => {
    const breakdown = await buildBreakdown({
      screenplay: parseFountain(script),
      extractor: createOfflineExtractor(),
    });
    const files = Object.fromEntries(
      ["json", "csv", "sheets", "sheetsPdf", "oneLiner", "castList", "dayOutOfDays", "fdx"].map((key) => [
        key,
        `file-${key}`,
      ]),
    );
    // The output goes through the job's own output schema, so the card is tested against the shape the job returns.
    const output = breakdownScriptOutput.parse({
      breakdownId: "breakdown-1",
      fileId: "file-1",
      revision: 1,
      extractor: "offline",
      reused: false,
      counts: { scenes: 2, characters: 2, locations: 2, elements: 9, pages: 1 },
      unappliedCorrections: 0,
      files,
      scenes: breakdown.scenes.map(toSceneView),
    });
    const html = renderCard(job(output, "succeeded"));

    expect(html.match(/data-testid="scene-row"/g)).toHaveLength(2);
    expect(html).toContain("EXT. COMPOUND - DAY");
    expect(html).toContain("INT. KITCHEN - NIGHT");
    for (const element of breakdown.scenes.flatMap((scene) => scene.elements)) {
      expect(html).toContain(`>${element.name}</span>`);
    }
    expect(html).toMatch(/border-red-500\/60[^"]*"[^>]*data-testid="element-chip">FOLAKE</);
    expect(html).toMatch(/border-amber-700\/60[^"]*"[^>]*data-testid="element-chip">goat</i);
    expect(html).toContain('aria-label="Filter scenes by category"');
    expect(html).toContain("/api/files/file-sheetsPdf/content");
    expect(html).toContain("Breakdown sheets (PDF)");
  });

  it("shows only the progress while the job runs", () => {
    const running = renderCard(job(null, "running"));
    expect(running).toContain("Extracted 1 of 2 scene chunks");
    expect(running).not.toContain('data-testid="scene-row"');
  });
});
