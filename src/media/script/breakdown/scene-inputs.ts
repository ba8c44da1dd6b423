import type { ScreenplayElement } from "../screenplay-model.ts";
import { parseSceneHeading } from "./scene-heading.ts";

/** The elements of each scene, with its number, key and synopsis. */
export interface SceneSkeleton {
  index: number;
  number: string;
  key: string;
  heading: string;
  start: number;
  end: number;
  synopsis: string;
  parts: ReturnType<typeof parseSceneHeading>;
}

function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const sentence = /^.*?[.!?](?=\s|$)/.exec(flat)?.[0] ?? flat;
  return sentence.length > 200 ? `${sentence.slice(0, 197)}...` : sentence;
}

/** Splits the screenplay into scenes at its headings. */
export function sceneSkeletons(elements: ScreenplayElement[]): SceneSkeleton[] {
  const scenes: SceneSkeleton[] = [];
  elements.forEach((element, index) => {
    if (element.type !== "scene_heading") return;
    const previous = scenes.at(-1);
    if (previous) previous.end = index;
    const number = element.sceneNumber ?? String(scenes.length + 1);
    scenes.push({
      index: scenes.length,
      number,
      key: sceneKey(number, element.text),
      heading: element.text,
      start: index,
      end: elements.length,
      synopsis: "",
      parts: parseSceneHeading(element.text),
    });
  });
  for (const scene of scenes) {
    const own = elements.slice(scene.start, scene.end);
    const synopsis =
      own.find((element) => element.type === "synopsis") ?? own.find((element) => element.type === "action");
    scene.synopsis = synopsis ? firstSentence(synopsis.text) : "";
  }
  return scenes;
}

/** The stable key of a scene, used to attach corrections: `12 INT. HOUSE - DAY`. */
export function sceneKey(number: string, heading: string): string {
  return `${number} ${heading.toUpperCase().replace(/\s+/g, " ").trim()}`;
}
