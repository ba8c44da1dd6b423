/** The script-breakdown engine: screenplay files in, production breakdown out (no DB, HTTP or credits). */

export { buildBreakdown } from "./breakdown/build-breakdown.ts";
export { scenesForExtraction } from "./breakdown/scenes-for-extraction.ts";
export {
  type Breakdown,
  type BreakdownCharacter,
  type BreakdownElement,
  type BreakdownLocation,
  type BreakdownScene,
  breakdownSchema,
} from "./breakdown-model.ts";
export {
  type BreakdownCategory,
  breakdownCategories,
  breakdownCategorySchema,
  categoryStyles,
} from "./categories.ts";
export { applyCorrections, type Correction, correctionSchema } from "./corrections/apply-corrections.ts";
export { formatEighths, parseEighths } from "./eighths.ts";
export type {
  ElementExtractor,
  ExtractedElement,
  ExtractionProgress,
  ExtractOptions,
  SceneForExtraction,
} from "./extract/element-extractor.ts";
export { type ExtractionEstimate, estimateExtraction } from "./extract/estimate-extraction.ts";
export {
  createModelExtractor,
  type ExtractionCache,
  type GenerateObject,
  type ModelExtractorOptions,
} from "./extract/model-extractor.ts";
export { createOfflineExtractor } from "./extract/offline-extractor.ts";
export { breakdownJson } from "./output/breakdown-json.ts";
export { breakdownSheetsHtml } from "./output/breakdown-sheets-html.ts";
export { type BreakdownSheetsPdfOptions, breakdownSheetsPdf } from "./output/breakdown-sheets-pdf.ts";
export { type CastListRow, castList } from "./output/cast-list.ts";
export { breakdownCsvByCategory, csvRows } from "./output/csv.ts";
export { type DayCode, type DayOutOfDaysRow, dayOutOfDays } from "./output/day-out-of-days.ts";
export { type OneLinerRow, oneLiner, oneLinerText } from "./output/one-liner.ts";
export { writeFdx } from "./output/write-fdx.ts";
export { a4Layout, type PageLayout, usLetterLayout } from "./pagination/layout.ts";
export { type Pagination, paginate } from "./pagination/paginate.ts";
export { assertScreenplaySize, maxScreenplayBytes, parseScreenplay } from "./parse-screenplay.ts";
export { type Screenplay, type ScreenplayElement, screenplaySchema } from "./screenplay-model.ts";
