import type { ScreenplayElement } from "./screenplay-model.ts";

/** Sets `sceneIndex` on every element from the order of scene headings (elements before the first get `null`). */
export function assignScenes(elements: ScreenplayElement[]): ScreenplayElement[] {
  let sceneIndex = -1;
  for (const element of elements) {
    if (element.type === "scene_heading") sceneIndex += 1;
    element.sceneIndex = sceneIndex >= 0 ? sceneIndex : null;
  }
  return elements;
}
