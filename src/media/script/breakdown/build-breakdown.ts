import type { Breakdown, BreakdownElement, BreakdownLocation } from "../breakdown-model.ts";
import { categoryFromName } from "../categories.ts";
import type { ElementExtractor, ExtractOptions } from "../extract/element-extractor.ts";
import { type Pagination, paginate } from "../pagination/paginate.ts";
import type { Screenplay } from "../screenplay-model.ts";
import { cueNames, speakersOf } from "./characters.ts";
import { locateElements } from "./locate-elements.ts";
import { measureScenes } from "./scene-lengths.ts";
import { scenesForExtraction } from "./scenes-for-extraction.ts";
import { inferStoryDays } from "./story-days.ts";

function positionsOf(screenplay: Screenplay, pagination: Pagination | undefined) {
  if (screenplay.format === "pdf") {
    const positions = screenplay.elements.map((element) =>
      element.page ? { page: element.page, line: element.line } : null,
    );
    const pageCount = Math.max(0, ...positions.map((position) => position?.page ?? 0));
    return { positions, linesPerPage: screenplay.sourceLinesPerPage ?? 55, pageCount };
  }
  const paginated = pagination ?? paginate(screenplay);
  return {
    positions: paginated.positions,
    linesPerPage: paginated.linesPerPage,
    pageCount: paginated.pageCount,
  };
}

/**
 * Builds the production breakdown of a screenplay: scenes with set, time, story day, page and
 * eighths; characters with cast numbers; locations and sets; and the elements found by `extractor`
 * (plus any tags the source already carried).
 */
export async function buildBreakdown(input: {
  screenplay: Screenplay;
  extractor: ElementExtractor;
  pagination?: Pagination;
  options?: ExtractOptions;
}): Promise<Breakdown> {
  const { screenplay } = input;
  const { elements } = screenplay;
  const { skeletons, characters, scenes: inputs } = scenesForExtraction(screenplay);
  const cues = cueNames(elements);
  const { positions, linesPerPage, pageCount } = positionsOf(screenplay, input.pagination);
  const lastPosition = positions.findLast(Boolean) ?? { page: 1, line: 1 };
  const end = { page: lastPosition.page, line: lastPosition.line + 1 };
  const lengths = measureScenes(
    skeletons.map((scene) => positions[scene.start] ?? null),
    end,
    linesPerPage,
  );
  const storyDays = inferStoryDays(skeletons.map((scene) => scene.parts.timeOfDay));
  const extracted = await input.extractor.extract(inputs, input.options);
  const ranked = [...characters.values()].sort(
    (left, right) =>
      right.scenes.size - left.scenes.size ||
      right.dialogueCount - left.dialogueCount ||
      left.name.localeCompare(right.name),
  );
  const castNumbers = new Map(ranked.map((facts, index) => [facts.name, index + 1]));
  const scenes = skeletons.map((scene, index) => {
    const tagged: BreakdownElement[] = [];
    for (let elementIndex = scene.start; elementIndex < scene.end; elementIndex += 1) {
      const element = elements[elementIndex];
      for (const tag of element?.tags ?? []) {
        const category = categoryFromName(tag.category);
        if (!category || !element) continue;
        const quote = element.text.slice(tag.start, tag.end);
        tagged.push({
          category,
          name: tag.name,
          origin: "script_tag",
          source: { elementIndex, start: tag.start, end: tag.end, quote },
        });
      }
    }
    const origin = input.extractor.name.startsWith("model") ? "model" : "rules";
    const found = locateElements(extracted[index] ?? [], elements, origin);
    const merged = new Map<string, BreakdownElement>();
    for (const element of [...tagged, ...found]) {
      const key = `${element.category}:${element.name.toLowerCase()}`;
      if (!merged.has(key)) merged.set(key, element);
    }
    const heading = elements[scene.start];
    return {
      key: scene.key,
      index: scene.index,
      number: scene.number,
      heading: scene.heading,
      intExt: scene.parts.intExt,
      set: scene.parts.set,
      location: scene.parts.location,
      timeOfDay: scene.parts.timeOfDay,
      storyDay: storyDays[index] ?? null,
      page: lengths[index]?.page ?? 1,
      eighths: heading?.eighths ?? lengths[index]?.eighths ?? 1,
      synopsis: scene.synopsis,
      elementStart: scene.start,
      elementEnd: scene.end,
      speaking: [
        ...new Set(
          elements
            .slice(scene.start, scene.end)
            .flatMap((element) =>
              element.type === "character" && element.character ? speakersOf(element.character, cues) : [],
            ),
        ),
      ],
      elements: [...merged.values()],
    };
  });
  const sceneKeyOf = (sceneIndex: number) => skeletons[sceneIndex]?.key ?? "";
  const locations = new Map<string, BreakdownLocation>();
  for (const scene of scenes) {
    const location = locations.get(scene.location) ?? { name: scene.location, sets: [] };
    locations.set(scene.location, location);
    let set = location.sets.find((candidate) => candidate.name === scene.set);
    if (!set) {
      set = { name: scene.set, intExt: [], sceneKeys: [] };
      location.sets.push(set);
    }
    if (scene.intExt && !set.intExt.includes(scene.intExt)) set.intExt.push(scene.intExt);
    set.sceneKeys.push(scene.key);
  }
  return {
    title:
      screenplay.titlePage.find((entry) => /^title$/i.test(entry.key))?.value.replace(/\n/g, " ") ?? null,
    pageCount,
    scenes,
    characters: ranked.map((facts) => ({
      name: facts.name,
      castNumber: castNumbers.get(facts.name) ?? 0,
      speaking: facts.speaking,
      variants: [...facts.variants],
      age: facts.age,
      description: facts.description,
      sceneKeys: [...facts.scenes].sort((left, right) => left - right).map(sceneKeyOf),
      dialogueCount: facts.dialogueCount,
    })),
    locations: [...locations.values()],
  };
}
