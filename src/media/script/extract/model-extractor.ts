import { createHash } from "node:crypto";
import type { ZodType } from "zod";
import { chunkScenes, type SceneChunk } from "./chunk-scenes.ts";
import type { ElementExtractor, ExtractedElement } from "./element-extractor.ts";
import { buildPrompt, type ChunkAnswer, chunkAnswerSchema, promptVersion } from "./model-prompt.ts";
import { namesMatch } from "./score-extraction.ts";

/** Generates an object matching `schema` for `prompt` (wired to AI SDK `generateObject` by the caller). */
export type GenerateObject = (prompt: string, schema: ZodType, signal?: AbortSignal) => Promise<unknown>;

/** Where answers are kept by content hash, so an unchanged script is not paid for twice. */
export interface ExtractionCache {
  get(key: string): Promise<unknown> | unknown;
  set(key: string, value: unknown): Promise<void> | void;
}

/** Options of the model-backed extractor. */
export interface ModelExtractorOptions {
  generate: GenerateObject;
  cache?: ExtractionCache;
  /** Identifies the model in cache keys: a different model is a different answer. */
  modelId?: string;
  /** Most tokens of script text in one request. */
  tokenBudget?: number;
  /** Most requests in flight at once. */
  concurrency?: number;
}

export const defaultTokenBudget = 6000;

async function answerChunk(
  chunk: SceneChunk,
  options: ModelExtractorOptions,
  signal?: AbortSignal,
): Promise<{ answer: ChunkAnswer; cached: boolean }> {
  const prompt = buildPrompt(chunk.text);
  const key = createHash("sha256")
    .update(`${promptVersion}\n${options.modelId ?? ""}\n${prompt}`)
    .digest("hex");
  const stored = chunkAnswerSchema.safeParse(await options.cache?.get(key));
  if (stored.success) return { answer: stored.data, cached: true };
  const answer = chunkAnswerSchema.parse(await options.generate(prompt, chunkAnswerSchema, signal));
  await options.cache?.set(key, answer);
  return { answer, cached: false };
}

async function inPool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The model-backed extractor: scenes are chunked to a token budget, chunks run in parallel with
 * bounded concurrency, answers are validated, cached by content hash, merged per scene and de-duplicated.
 */
export function createModelExtractor(options: ModelExtractorOptions): ElementExtractor {
  return {
    name: "model",
    async extract(scenes, extractOptions) {
      const chunks = chunkScenes(scenes, options.tokenBudget ?? defaultTokenBudget);
      let completed = 0;
      const answers = await inPool(chunks, options.concurrency ?? 4, async (chunk) => {
        extractOptions?.signal?.throwIfAborted();
        const result = await answerChunk(chunk, options, extractOptions?.signal);
        completed += 1;
        extractOptions?.onProgress?.({
          completedChunks: completed,
          totalChunks: chunks.length,
          cached: result.cached,
        });
        return result.answer;
      });
      const byKey = new Map<string, ExtractedElement[]>(scenes.map((scene) => [scene.key, []]));
      const ranges = new Map(
        scenes.map((scene) => [scene.key, new Set(scene.elements.map((element) => element.index))]),
      );
      for (const answer of answers) {
        for (const scene of answer.scenes) {
          const list = byKey.get(scene.sceneKey);
          if (!list) continue;
          for (const element of scene.elements) {
            const inScene =
              element.elementIndex !== null && ranges.get(scene.sceneKey)?.has(element.elementIndex);
            const candidate = { ...element, elementIndex: inScene ? element.elementIndex : null };
            const duplicate = list.some(
              (existing) =>
                existing.category === candidate.category &&
                namesMatch(existing.name, candidate.name) &&
                existing.name.length >= candidate.name.length,
            );
            if (!duplicate) {
              const shorter = list.findIndex(
                (existing) =>
                  existing.category === candidate.category && namesMatch(existing.name, candidate.name),
              );
              if (shorter >= 0) list.splice(shorter, 1);
              list.push(candidate);
            }
          }
        }
      }
      return scenes.map((scene) => byKey.get(scene.key) ?? []);
    },
  };
}
