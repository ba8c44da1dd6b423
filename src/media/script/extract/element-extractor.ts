import { z } from "zod";
import { breakdownCategorySchema } from "../categories.ts";
import type { ScreenplayElementType } from "../screenplay-model.ts";

/** A scene as extractors see it: its key, heading and the text of its elements with their indices. */
export interface SceneForExtraction {
  key: string;
  number: string;
  heading: string;
  /** Names of the characters known to be in the scene (cues and introductions). */
  characters: string[];
  elements: Array<{ index: number; type: ScreenplayElementType; text: string }>;
}

/** An element an extractor found, pointing at the text it came from. */
export const extractedElementSchema = z.object({
  category: breakdownCategorySchema,
  name: z.string().min(1).max(120),
  /** Index of the screenplay element the quote is in, when known. */
  elementIndex: z.number().int().nonnegative().nullable(),
  /** The words of the script the element was read from. */
  quote: z.string().max(300).nullable(),
});
export type ExtractedElement = z.infer<typeof extractedElementSchema>;

/** Progress of an extraction, reported after each chunk of scenes. */
export interface ExtractionProgress {
  completedChunks: number;
  totalChunks: number;
  cached: boolean;
}

/** Options every extractor accepts. */
export interface ExtractOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ExtractionProgress) => void;
}

/** Finds breakdown elements in scenes; returns one list per input scene, in the same order. */
export interface ElementExtractor {
  readonly name: string;
  extract(scenes: SceneForExtraction[], options?: ExtractOptions): Promise<ExtractedElement[][]>;
}
