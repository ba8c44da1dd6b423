import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { getFile } from "../../../db/queries/files.ts";
import { defineJob } from "../../../jobs/define-job.ts";
import { AppError } from "../../../lib/errors.ts";
import {
  applyCorrections,
  type Breakdown,
  breakdownCategories,
  breakdownCsvByCategory,
  breakdownJson,
  breakdownSheetsHtml,
  breakdownSheetsPdf,
  buildBreakdown,
  castList,
  createModelExtractor,
  createOfflineExtractor,
  csvRows,
  dayOutOfDays,
  type ElementExtractor,
  oneLinerText,
  type Screenplay,
  writeFdx,
} from "../../../media/script/index.ts";
import { saveGeneratedFile } from "../../../storage/save-generated-file.ts";
import {
  breakdownById,
  correctionsOfFile,
  findExtraction,
  insertBreakdownRevision,
  latestBreakdownOfFile,
} from "../breakdown-queries.ts";
import { breakdownSummaryText } from "../breakdown-summary.ts";
import { databaseExtractionCache } from "../extraction-cache.ts";
import { readScreenplay } from "../read-screenplay.ts";
import type { ProjectIngestService } from "../retrieval-ingest.ts";
import { toSceneView } from "../scene-view.ts";
import type { ScriptModelService } from "../script-model.ts";
import { type BreakdownScriptOutput, breakdownScriptJobInput } from "./breakdown-script-input.ts";

/** The report files a breakdown writes: key in the output, file name suffix, kind, MIME type and writer. */
const reports = [
  { key: "json", suffix: "breakdown.json", mimeType: "application/json", kind: "document" },
  { key: "csv", suffix: "breakdown-elements.csv", mimeType: "text/csv", kind: "document" },
  { key: "sheets", suffix: "breakdown-sheets.html", mimeType: "text/html", kind: "document" },
  { key: "sheetsPdf", suffix: "breakdown-sheets.pdf", mimeType: "application/pdf", kind: "document" },
  { key: "oneLiner", suffix: "one-liner.txt", mimeType: "text/plain", kind: "document" },
  { key: "castList", suffix: "cast-list.csv", mimeType: "text/csv", kind: "document" },
  { key: "dayOutOfDays", suffix: "day-out-of-days.csv", mimeType: "text/csv", kind: "document" },
  { key: "fdx", suffix: "tagged.fdx", mimeType: "application/x-final-draft", kind: "screenplay" },
] as const;

type ReportKey = (typeof reports)[number]["key"];

/** What each report file holds. */
const reportWriters: Record<
  ReportKey,
  (breakdown: Breakdown, screenplay: () => Promise<Screenplay>) => string | Uint8Array | Promise<string>
> = {
  json: breakdownJson,
  csv: elementsCsv,
  sheets: (breakdown) => breakdownSheetsHtml(breakdown),
  sheetsPdf: (breakdown) => breakdownSheetsPdf(breakdown),
  oneLiner: oneLinerText,
  castList: castListCsv,
  dayOutOfDays: dayOutOfDaysCsv,
  fdx: async (breakdown, screenplay) => writeFdx(await screenplay(), breakdown),
};

/** All categories' CSVs as one CSV (the category is its first column). */
function elementsCsv(breakdown: Breakdown): string {
  const byCategory = breakdownCsvByCategory(breakdown);
  const [header, ...rest] = breakdownCategories.map((category) =>
    byCategory[category].split("\r\n").filter((line) => line !== ""),
  );
  return `${[header?.[0] ?? "", ...(header ?? []).slice(1), ...rest.flatMap((lines) => lines.slice(1))].join("\r\n")}\r\n`;
}

function castListCsv(breakdown: Breakdown): string {
  return csvRows([
    ["Cast #", "Name", "Speaking", "Age", "Description", "Scenes"],
    ...castList(breakdown).map((row) => [
      row.castNumber,
      row.name,
      row.speaking ? "yes" : "no",
      row.age,
      row.description,
      row.sceneCount,
    ]),
  ]);
}

function dayOutOfDaysCsv(breakdown: Breakdown): string {
  const { days, rows } = dayOutOfDays(breakdown);
  return csvRows([
    ["Cast #", "Name", ...days.map((day) => `Day ${day}`), "Work", "Hold"],
    ...rows.map((row) => [row.castNumber, row.name, ...row.codes, row.workDays, row.holdDays]),
  ]);
}

function extractorFor(
  name: "offline" | "model",
  context: { scriptModel: ScriptModelService | undefined; cache: ReturnType<typeof databaseExtractionCache> },
): ElementExtractor {
  if (name === "offline") return createOfflineExtractor();
  if (!context.scriptModel) {
    throw new AppError(
      "unavailable:script_model",
      'No language model is configured for the "model" extractor any more. Run the breakdown with the offline extractor.',
    );
  }
  return createModelExtractor({
    generate: context.scriptModel.generate,
    cache: context.cache,
    ...(context.scriptModel.modelId ? { modelId: context.scriptModel.modelId } : {}),
  });
}

/**
 * `breakdown-script`: parse → extract (or reuse the extraction of the same content) → store the next revision
 * with the user's corrections re-applied → write the report files → index a summary for project search.
 */
export const breakdownScriptJob = defineJob({
  tool: "breakdown-script",
  label: "Script breakdown",
  inputSchema: breakdownScriptJobInput,
  async run({ input, step, transaction, storage, userId, services, jobId }): Promise<BreakdownScriptOutput> {
    const load = () => readScreenplay({ transaction, storage, fileId: input.fileId });

    const parsed = await step.run(
      "parse",
      async () => {
        const { file } = await load();
        return { contentHash: file.sha256, fileName: file.name };
      },
      { progress: 5, message: "Read the screenplay" },
    );

    const extracted = await step.run(
      "extract",
      async (progress) => {
        const earlier = await transaction((tx) =>
          findExtraction(tx, {
            fileId: input.fileId,
            contentHash: parsed.contentHash,
            extractor: input.extractor,
          }),
        );
        if (earlier) return earlier.data.extracted;
        const { screenplay } = await load();
        const extractor = extractorFor(input.extractor, {
          scriptModel: services.scriptModel,
          cache: databaseExtractionCache(transaction, userId),
        });
        let pending = Promise.resolve();
        const breakdown = await buildBreakdown({
          screenplay,
          extractor,
          options: {
            onProgress: ({ completedChunks, totalChunks }) => {
              pending = pending.then(() =>
                progress(
                  completedChunks / totalChunks,
                  `Extracted ${completedChunks} of ${totalChunks} scene chunks`,
                ),
              );
            },
          },
        });
        await pending;
        return breakdown;
      },
      { progress: 60, message: "Found the elements of every scene" },
    );

    const stored = await step.run(
      "store",
      async () =>
        transaction(async (tx) => {
          const corrections = await correctionsOfFile(tx, input.fileId);
          const { breakdown, unapplied } = applyCorrections(extracted, corrections);
          const latest = await latestBreakdownOfFile(tx, input.fileId);
          const unchanged =
            latest?.contentHash === parsed.contentHash &&
            latest.extractor === input.extractor &&
            isDeepStrictEqual(latest.data.breakdown, breakdown);
          const record =
            unchanged && latest
              ? latest
              : await insertBreakdownRevision(tx, {
                  ownerId: userId,
                  projectId: input.projectId,
                  fileId: input.fileId,
                  contentHash: parsed.contentHash,
                  extractor: input.extractor,
                  data: { extracted, breakdown, unapplied },
                });
          return { id: record.id, revision: record.revision, reused: unchanged, unapplied: unapplied.length };
        }),
      { progress: 70, message: "Stored the breakdown" },
    );

    const breakdown = (
      await transaction(async (tx) => {
        const record = await breakdownById(tx, stored.id);
        if (!record) throw new Error("the stored breakdown disappeared");
        return record;
      })
    ).data.breakdown;
    const baseName = path.parse(parsed.fileName).name;
    const files = {} as Record<ReportKey, string>;
    for (const [index, report] of reports.entries()) {
      files[report.key] = await step.run(
        `write-${report.key}`,
        async () => {
          const content = await reportWriters[report.key](breakdown, async () => (await load()).screenplay);
          const saved = await saveGeneratedFile({
            transaction,
            storage,
            userId,
            projectId: input.projectId,
            name: `${baseName}-${report.suffix}`,
            kind: report.kind,
            mimeType: report.mimeType,
            content: { bytes: content },
            jobOutput: { jobId, step: `write-${report.key}` },
          });
          return saved.id;
        },
        { progress: 72 + index * 3, message: `Wrote ${report.suffix}` },
      );
    }

    await step.run(
      "index-for-search",
      async () => {
        const retrieval = services.retrieval as ProjectIngestService | undefined;
        if (typeof retrieval?.ingest !== "function") return { indexed: false };
        const file = await transaction((tx) => getFile(tx, input.fileId));
        await retrieval.ingest(transaction, {
          projectId: input.projectId,
          source: { type: "breakdown", id: input.fileId, label: `${file.name} breakdown` },
          text: breakdownSummaryText(breakdown, file.name),
        });
        return { indexed: true };
      },
      { progress: 98, message: "Indexed the breakdown for project search" },
    );

    return {
      breakdownId: stored.id,
      fileId: input.fileId,
      revision: stored.revision,
      extractor: input.extractor,
      reused: stored.reused,
      counts: {
        scenes: breakdown.scenes.length,
        characters: breakdown.characters.length,
        locations: breakdown.locations.length,
        elements: breakdown.scenes.reduce((sum, scene) => sum + scene.elements.length, 0),
        pages: breakdown.pageCount,
      },
      unappliedCorrections: stored.unapplied,
      files,
      scenes: breakdown.scenes.map(toSceneView),
    };
  },
});
