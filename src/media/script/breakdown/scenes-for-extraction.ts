import type { SceneForExtraction } from "../extract/element-extractor.ts";
import type { Screenplay } from "../screenplay-model.ts";
import { type CharacterFacts, collectCharacters } from "./characters.ts";
import { type SceneSkeleton, sceneSkeletons } from "./scene-inputs.ts";

/** The scenes of a screenplay as extractors read them, with the skeletons and characters they come from. */
export function scenesForExtraction(screenplay: Screenplay): {
  skeletons: SceneSkeleton[];
  characters: Map<string, CharacterFacts>;
  scenes: SceneForExtraction[];
} {
  const { elements } = screenplay;
  const skeletons = sceneSkeletons(elements);
  const characters = collectCharacters(elements);
  const scenes = skeletons.map((scene) => ({
    key: scene.key,
    number: scene.number,
    heading: scene.heading,
    characters: [...characters.values()]
      .filter((facts) => facts.scenes.has(scene.index))
      .map((facts) => facts.name),
    elements: elements
      .slice(scene.start, scene.end)
      .map((element, offset) => ({ index: scene.start + offset, type: element.type, text: element.text })),
  }));
  return { skeletons, characters, scenes };
}
