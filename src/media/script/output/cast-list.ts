import type { Breakdown } from "../breakdown-model.ts";

/** A line of the cast list. */
export interface CastListRow {
  castNumber: number;
  name: string;
  speaking: boolean;
  age: string | null;
  description: string | null;
  sceneCount: number;
  firstScene: string | null;
  lastScene: string | null;
}

/** The cast list in cast-number order, with how many scenes each character is in and where they first and last appear. */
export function castList(breakdown: Breakdown): CastListRow[] {
  return breakdown.characters.map((character) => {
    const scenes = breakdown.scenes.filter((scene) =>
      scene.elements.some((element) => element.category === "cast" && element.name === character.name),
    );
    return {
      castNumber: character.castNumber,
      name: character.name,
      speaking: character.speaking,
      age: character.age,
      description: character.description,
      sceneCount: scenes.length,
      firstScene: scenes[0]?.number ?? null,
      lastScene: scenes.at(-1)?.number ?? null,
    };
  });
}
